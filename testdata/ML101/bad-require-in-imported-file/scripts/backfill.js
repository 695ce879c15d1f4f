// One-off maintenance script; not imported by src/index.js.
const fs = require('node:fs');

console.log(fs.readdirSync('.'));
