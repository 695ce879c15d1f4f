const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router({ prefix: '/v1' });
const port = Number(process.env.PORT ?? 3000);

router.get('/ping', (ctx) => {
  ctx.body = 'pong';
});

router.get('/items/:sku', (ctx) => {
  ctx.body = { sku: ctx.params.sku, stock: 0 };
});

app.use(router.routes());
app.use(router.allowedMethods());

app.listen(port, () => console.log(`inventory listening on ${port}`));
