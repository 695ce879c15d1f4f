import fs from 'node:fs';

if (fs.existsSync('.')) console.log('ok');
