import fs from 'node:fs';

const files = fs.readdirSync('.');
console.log(`found ${files.length} files`);
