const fs = require('node:fs');
const path = require('node:path');

const out = path.join(__dirname, '..', 'dist');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'gen.js'), 'module.exports = { version: 3 };\n');
