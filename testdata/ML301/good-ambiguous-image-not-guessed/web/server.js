import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const title = process.env.SITE_TITLE ?? 'Acme';

const page = `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page);
  })
  .listen(port);
