module.exports = { value: 'ok' };
