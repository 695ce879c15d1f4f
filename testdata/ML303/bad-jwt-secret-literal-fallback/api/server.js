const http = require('node:http');
const crypto = require('node:crypto');

const secret = process.env.JWT_SECRET || 'dev-secret';

function sign(payload) {
  return crypto.createHmac('sha256', secret).update(payload).digest('hex');
}

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    res.end(sign(req.url));
  })
  .listen(process.env.PORT || 3000);
