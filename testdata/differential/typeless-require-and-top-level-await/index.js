const path = require('node:path');
await Promise.resolve();
console.log(path.sep ? 'ok' : 'bad');
