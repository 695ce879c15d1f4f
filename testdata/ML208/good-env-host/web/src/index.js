const express = require('express');

const app = express();

app.get('/healthz', (req, res) => res.send('ok'));
app.get('/', (req, res) => res.send('<h1>Events</h1>'));

app.listen(3000, () => console.log('events web listening on port 3000'));
