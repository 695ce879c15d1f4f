const express = require('express');

const app = express();
app.use(express.json());

const messages = [];

app.get('/healthz', (req, res) => res.send('ok'));

app.get('/api/messages', (req, res) => res.json(messages));

app.post('/api/messages', (req, res) => {
  messages.push({ text: req.body.text, at: Date.now() });
  res.status(201).end();
});

app.listen(3000, () => console.log('chat api listening on 3000'));
