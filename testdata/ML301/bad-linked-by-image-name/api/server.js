import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const region = process.env.REGION ?? 'eu-west-1';

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ region }));
  })
  .listen(port);
