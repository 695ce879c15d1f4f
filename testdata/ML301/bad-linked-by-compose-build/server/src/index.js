import http from 'node:http';
import { verifyToken } from './auth.js';

const port = Number(process.env.PORT ?? 4000);

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  const claims = verifyToken(req.headers.authorization);
  if (!claims) {
    res.statusCode = 401;
    return res.end('unauthorized');
  }
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ user: claims.sub, rooms: [] }));
});

server.listen(port, () => console.log(`chat-core listening on ${port}`));
