import express from 'express';

const app = express();

app.get('/healthz', (req, res) => res.send('ok'));
app.get('/api/invoices', (req, res) => res.json([]));

app.listen(process.env.PORT ?? 3000, () => {
  console.log(`billing backend listening on ${process.env.PORT ?? 3000}`);
});
