const express = require('express');

const app = express();

app.get('/healthz', (req, res) => res.send('ok'));
app.get('/api/products', (req, res) => res.json([{ id: 1, name: 'Mug' }]));

app.listen(3000, '127.0.0.1', () => {
  console.log('catalog api listening on port 3000');
});
