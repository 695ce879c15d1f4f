import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const __filename = fileURLToPath(import.meta.url);
const __dirname = path.dirname(__filename);

const mime = require('mime-types');
const publicDir = path.join(__dirname, 'public');

console.log(__filename, mime.lookup(path.join(publicDir, 'index.html')));
