const lib = require('./lib.mjs');

console.log(`x is ${lib.x}`);
