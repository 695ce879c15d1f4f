import http from 'node:http';
import { authenticate } from './auth.js';

const port = Number(process.env.PORT ?? 3000);

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    const user = authenticate(req.headers.authorization);
    if (!user) {
      res.statusCode = 401;
      return res.end('unauthorized');
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ hello: user.sub }));
  })
  .listen(port, () => console.log(`api listening on ${port}`));
