// dist/gen.js is written by `npm run generate` before the app starts.
const gen = require('../dist/gen.js');

console.log(`schema version ${gen.version}`);
