import http from 'node:http';
import { sessionSecret, DB_PASSWORD, port } from './config.js';

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    res.end(String(sessionSecret.length + DB_PASSWORD.length));
  })
  .listen(port);
