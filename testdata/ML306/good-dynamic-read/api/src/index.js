import http from 'node:http';
import { connect } from './db.js';

const port = Number(process.env.PORT ?? 3000);

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  res.end('chat api');
});

connect().then(() => server.listen(port, () => console.log(`chat api listening on ${port}`)));
