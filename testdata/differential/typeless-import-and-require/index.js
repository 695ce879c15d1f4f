import fs from 'node:fs';

const path = require('node:path');

if (fs.existsSync(path.resolve('.'))) console.log('ok');
