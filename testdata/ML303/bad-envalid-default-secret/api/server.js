const http = require('node:http');
const config = require('./env.js');

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    if (req.headers['x-api-token'] !== config.API_TOKEN) {
      res.statusCode = 401;
      return res.end('unauthorized');
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ level: config.LOG_LEVEL }));
  })
  .listen(config.PORT, () => console.log(`api listening on ${config.PORT}`));
