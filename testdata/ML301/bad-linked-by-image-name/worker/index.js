const http = require('node:http');
const jwt = require('jsonwebtoken');

const port = Number(process.env.PORT || 8081);

// Signs short-lived download links for finished exports.
function signDownload(exportId) {
  return jwt.sign({ exportId }, process.env.JWT_SECRET, { expiresIn: '15m' });
}

const finished = [];
setInterval(() => {
  const id = `export-${Date.now()}`;
  finished.push({ id, link: `/downloads/${id}?sig=${signDownload(id)}` });
  if (finished.length > 100) finished.shift();
}, 10000);

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(finished.slice(-10)));
  })
  .listen(port);
