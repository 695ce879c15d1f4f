const http = require('node:http');

const logLevel = process.env.LOG_LEVEL || 'info';
const secretFile = process.env.JWT_SECRET_FILE || '/run/secrets/jwt';
const secretName = process.env.SECRET_NAME ?? 'api-secrets';

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    res.end(`${logLevel} ${secretFile} ${secretName}`);
  })
  .listen(process.env.PORT || 3000);
