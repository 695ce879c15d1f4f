const path = require('node:path');

const template = `
import x from 'y';
export default x;
`;

async function main() {
  const { default: chalk } = await import('chalk');
  const extra = await import('./plugins/extra.mjs');
  // import fs from 'node:fs';  (only a comment)
  const flags = { import: true, export: false };
  console.log(chalk.green(template.length), extra.default.name, flags.import, path.sep);
}

main();
