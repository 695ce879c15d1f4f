const fastify = require('fastify');

const app = fastify({ logger: true });
const port = Number(process.env.PORT || 3000);

app.get('/healthz', async () => ({ status: 'ok' }));

app.get('/orders/:id', async (request) => ({ id: request.params.id, items: [] }));

const start = async () => {
  await app.listen({ port, host: '0.0.0.0' });
};

start();
