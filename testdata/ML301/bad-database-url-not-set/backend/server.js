const express = require('express');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const sessionSecret = process.env['SESSION_SECRET'];
const app = express();

app.get('/healthz', (req, res) => res.send('ok'));
app.get('/orders', async (req, res) => {
  const { rows } = await pool.query('select * from orders');
  res.json({ rows, signature: require('node:crypto').createHmac('sha256', sessionSecret).digest('hex') });
});

app.listen(process.env.PORT || 8080);
