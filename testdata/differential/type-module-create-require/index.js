import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fs = require('node:fs');

if (fs.existsSync('.')) console.log('ok');
