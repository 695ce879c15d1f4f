import http from 'node:http';

const port = Number(process.env.PORT ?? 3000);
const routes = new Map([['/healthz', () => 'ok']]);

if (process.env.FEATURE_CHAT) {
  routes.set('/chat', () => 'chat is enabled');
}

http
  .createServer((req, res) => {
    const handler = routes.get(req.url);
    if (!handler) {
      res.statusCode = 404;
      return res.end('not found');
    }
    res.end(handler());
  })
  .listen(port, () => console.log(`chat api listening on ${port}`));
