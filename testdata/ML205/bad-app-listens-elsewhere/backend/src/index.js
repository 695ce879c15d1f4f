const express = require('express');

const app = express();
app.use(express.json());

const notes = [];

app.get('/healthz', (req, res) => res.send('ok'));
app.get('/api/notes', (req, res) => res.json(notes));
app.post('/api/notes', (req, res) => {
  notes.push(req.body);
  res.status(201).json(req.body);
});

app.listen(3000, () => console.log('notes backend listening on 3000'));
