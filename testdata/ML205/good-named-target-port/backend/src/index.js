import http from 'node:http';

const items = [{ sku: 'A-100', stock: 12 }];

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(items));
});

server.listen({ port: 3000 }, () => console.log('inventory backend listening on 3000'));
