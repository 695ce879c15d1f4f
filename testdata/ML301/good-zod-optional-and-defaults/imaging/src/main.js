import http from 'node:http';
import { config } from './config.js';

const jobs = [];

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ queue: config.QUEUE_NAME, maxWidth: config.MAX_WIDTH, pending: jobs.length }));
  })
  .listen(config.PORT, () => console.log(`imaging listening on ${config.PORT}`));
