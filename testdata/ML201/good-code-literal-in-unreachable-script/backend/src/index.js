const http = require('node:http');
const mongoose = require('mongoose');

const port = Number(process.env.PORT ?? 3000);

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  res.end(JSON.stringify({ db: mongoose.connection.readyState }));
});

mongoose.connect(process.env.MONGO_URL).catch((err) => {
  console.error(`MongoDB connection error: ${err.message}`);
  process.exit(1);
});

server.listen(port, () => console.log(`chat backend listening on ${port}`));
