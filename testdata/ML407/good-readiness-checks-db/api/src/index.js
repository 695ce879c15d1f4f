const express = require('express');
const mongoose = require('mongoose');

const app = express();
app.use(express.json());

// Liveness: is this process still answering? No database call here.
app.get('/livez', (req, res) => {
  res.send('ok');
});

// Readiness: can this pod serve requests right now? Checks MongoDB.
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
