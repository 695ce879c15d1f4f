import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);

const server = http.createServer(async (req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  if (req.url === '/api/orders') {
    const upstream = await fetch('http://127.0.0.1:8080/orders');
    res.writeHead(upstream.status, { 'content-type': 'application/json' });
    return res.end(await upstream.text());
  }
  res.statusCode = 404;
  res.end('not found');
});

server.listen(port, () => console.log(`storefront listening on ${port}`));
