const express = require('express');

const app = express();
const port = process.env.PORT || 3000;

app.get('/healthz', (req, res) => res.send('ok'));

app.get('/api/messages', (req, res) => res.json([]));

app.listen(port, () => console.log(`chat api listening on ${port}`));
