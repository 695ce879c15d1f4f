const http = require('node:http');
const { charge } = require('./payments');

const { PORT = 8080 } = process.env;

http
  .createServer(async (req, res) => res.end(JSON.stringify(await charge(100))))
  .listen(PORT);
