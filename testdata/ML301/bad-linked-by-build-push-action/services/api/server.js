const http = require('node:http');

const port = Number(process.env.PORT || 3000);
const pageSize = parseInt(process.env.PAGE_SIZE, 10) || 50;

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ items: [], pageSize }));
  })
  .listen(port, () => console.log(`api listening on ${port}`));
