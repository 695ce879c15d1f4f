const mongoose = require('mongoose');

// The default is for docker compose; the cluster sets MONGO_URL.
const mongoUrl = process.env.MONGO_URL || 'mongodb://mongo:27017/chat';

async function connectDb() {
  await mongoose.connect(mongoUrl);
  console.log('MongoDB connected');
}

module.exports = { connectDb };
