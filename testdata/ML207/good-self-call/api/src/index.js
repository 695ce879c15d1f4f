import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const selfUrl = process.env.SELF_URL ?? 'http://localhost:3000';

const server = http.createServer(async (req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  if (req.url === '/api/stats') return res.end(JSON.stringify({ orders: 42 }));
  if (req.url === '/api/summary') {
    // the summary is built from this server's own public endpoint
    const stats = await (await fetch(`${selfUrl}/api/stats`)).json();
    return res.end(JSON.stringify({ ...stats, generatedAt: new Date().toISOString() }));
  }
  res.statusCode = 404;
  res.end('not found');
});

server.listen(port, () => console.log(`reports api listening on ${port}`));
