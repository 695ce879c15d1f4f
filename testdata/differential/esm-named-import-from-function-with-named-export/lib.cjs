function greet() { return 'hi'; }
module.exports = greet;
module.exports.greet = greet;
