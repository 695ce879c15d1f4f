const http = require('node:http');
const knex = require('knex');

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });

http
  .createServer(async (req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    const users = await db('users').select('id', 'name');
    res.end(JSON.stringify(users));
  })
  .listen(process.env.PORT ?? 3000);
