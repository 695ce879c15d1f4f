import http from 'node:http';

const port = Number(process.env.PORT ?? 8080);

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ events: [] }));
});

// HOST comes from the deployment: 0.0.0.0 in the cluster, 127.0.0.1 on a laptop
server.listen(port, process.env.HOST);
