import http from 'node:http';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

const indexFile = path.join(__dirname, 'public', 'index.html');
const notFoundFile = path.join(__dirname, 'public', '404.html');

http
  .createServer(async (req, res) => {
    console.log(`${__filename}: ${req.method} ${req.url}`);
    const file = req.url === '/' ? indexFile : notFoundFile;
    res.end(await readFile(file));
  })
  .listen(8080);
