const http = require('node:http');
const crypto = require('node:crypto');

// A random per-process secret: not readable in the source.
const secret = process.env.JWT_SECRET || crypto.randomBytes(32).toString('hex');
const token = process.env.API_TOKEN ?? '';

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    res.end(crypto.createHmac('sha256', secret).update(token).digest('hex'));
  })
  .listen(process.env.PORT || 3000);
