const lib = require('./lib.cjs');
const util = require('./util.js');

console.log(`x is ${lib.x}, y is ${util.y}`);
