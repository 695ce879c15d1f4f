const http = require('node:http');

const port = Number(process.env.PORT || 8081);
const concurrency = parseInt(process.env.CONCURRENCY, 10) || 2;

let processed = 0;
setInterval(() => {
  processed += concurrency;
}, 5000);

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ processed }));
  })
  .listen(port, () => console.log(`worker health endpoint on ${port}`));
