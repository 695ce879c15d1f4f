import http from 'node:http';
import jwt from 'jsonwebtoken';

const port = Number(process.env.PORT ?? 3000);
const secret = process.env.JWT_SECRET;

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  try {
    const claims = jwt.verify(token, secret);
    res.end(JSON.stringify({ user: claims.sub }));
  } catch {
    res.statusCode = 401;
    res.end('unauthorized');
  }
});

server.listen(port, () => console.log(`chat api listening on ${port}`));
