const express = require('express');
const mongoose = require('mongoose');

const app = express();
app.use(express.json());

app.get('/readyz', (req, res) => {
  res.status(mongoose.connection.readyState === 1 ? 200 : 503).send();
});

app.get('/healthz', async (req, res) => {
  await mongoose.connection.db.admin().ping();
  res.send('ok');
});

app.get('/api/messages', async (req, res) => {
  const messages = await mongoose.connection.db.collection('messages').find().limit(50).toArray();
  res.json(messages);
});

mongoose.connect(process.env.MONGO_URL).catch((err) => {
  console.error(`MongoDB connection error: ${err.message}`);
  process.exit(1);
});

app.listen(3000, () => console.log('chat api listening on 3000'));
