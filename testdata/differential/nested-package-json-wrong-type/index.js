const legacy = require('./legacy/util.js');
console.log(legacy.v === 1 ? 'ok' : 'bad');
