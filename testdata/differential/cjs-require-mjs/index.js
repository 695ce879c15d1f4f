const lib = require('./lib.mjs');
console.log(lib.x === 1 ? 'ok' : 'bad');
