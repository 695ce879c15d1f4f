import http from 'node:http';
import jwt from 'jsonwebtoken';
import mongoose from 'mongoose';
import { env } from './config.js';

await mongoose.connect(env.MONGODB_URI);

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  try {
    const claims = jwt.verify(token, env.JWT_SECRET);
    res.end(JSON.stringify({ user: claims.sub }));
  } catch {
    res.statusCode = 401;
    res.end('unauthorized');
  }
});

server.listen(env.PORT, () => console.log(`api listening on ${env.PORT}`));
