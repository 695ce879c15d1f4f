import http from 'node:http';
import jwt from 'jsonwebtoken';
import { WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 8080);

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  res.statusCode = 426;
  res.end('upgrade required');
});

const wss = new WebSocketServer({
  server,
  verifyClient: ({ req }, done) => {
    const token = req.headers['sec-websocket-protocol'] ?? '';
    jwt.verify(token, process.env.JWT_SECRET, (err) => done(!err, 401));
  },
});

wss.on('connection', (socket) => socket.send(JSON.stringify({ type: 'hello' })));

server.listen(port, () => console.log(`realtime gateway listening on ${port}`));
