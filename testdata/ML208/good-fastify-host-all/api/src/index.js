import Fastify from 'fastify';

const app = Fastify({ logger: true });

app.get('/healthz', async () => ({ status: 'ok' }));
app.get('/api/products', async () => [{ id: 1, name: 'Mug' }]);

// in a container, listen on every interface, not Fastify's default localhost
await app.listen({ port: 3000, host: '0.0.0.0' });
