const http = require('node:http');

const port = process.env.PORT ?? 3000;
const origins = process.env.CORS_ORIGINS.split(',');

http
  .createServer((req, res) => {
    if (origins.includes(req.headers.origin)) res.setHeader('access-control-allow-origin', req.headers.origin);
    res.end('ok');
  })
  .listen(port);
