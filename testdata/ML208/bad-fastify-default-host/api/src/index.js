import Fastify from 'fastify';

const app = Fastify({ logger: true });

app.get('/healthz', async () => ({ status: 'ok' }));
app.get('/api/products', async () => [{ id: 1, name: 'Mug' }]);

await app.listen({ port: 3000 });
