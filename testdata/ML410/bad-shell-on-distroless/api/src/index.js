const express = require('express');

const app = express();

app.get('/ready', (req, res) => res.send('ready'));
app.get('/healthz', (req, res) => res.send('ok'));

app.get('/api/hello', (req, res) => {
  res.json({ message: 'hello' });
});

app.listen(3000, () => console.log('api listening on 3000'));
