function greet() { return 'hi'; }
module.exports = { greet };
