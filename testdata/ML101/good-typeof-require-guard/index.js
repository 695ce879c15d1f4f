import http from 'node:http';
import { fileURLToPath } from 'node:url';

// Copied from a dual-format template: the guard keeps `require` and `module` from being evaluated in ESM.
const isMain = typeof require !== 'undefined' && require.main === module;
const isEsmMain = process.argv[1] === fileURLToPath(import.meta.url);

export function createServer() {
  return http.createServer((req, res) => res.end('ok'));
}

if (isMain || isEsmMain) {
  createServer().listen(8080);
}
