const http = require('node:http');
const { env } = process;

function connect(uri) {
  return new URL(uri);
}

const db = connect(env.MONGODB_URI);

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    res.end(db.pathname);
  })
  .listen(env.PORT || 3000);
