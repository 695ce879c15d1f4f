import express from 'express';
import cors from 'cors';

const app = express();
const port = Number(process.env.PORT ?? 3000);

app.use(cors());
app.use(express.json());

const messages = [];

app.get('/healthz', (req, res) => res.send('ok'));

app.get('/api/messages', (req, res) => res.json(messages));

app.post('/api/messages', (req, res) => {
  messages.push({ text: req.body.text, at: Date.now() });
  res.status(201).end();
});

app.listen(port, () => console.log(`chat backend listening on ${port}`));
