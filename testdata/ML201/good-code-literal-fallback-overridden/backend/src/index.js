const http = require('node:http');
const { connectDb } = require('./db.js');

const port = Number(process.env.PORT ?? 3000);

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  res.end(JSON.stringify({ service: 'chat' }));
});

connectDb().catch((err) => {
  console.error(`MongoDB connection error: ${err.message}`);
  process.exit(1);
});

server.listen(port, () => console.log(`chat backend listening on ${port}`));
