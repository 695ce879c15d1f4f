const mongoose = require('mongoose');

// Copied from docker-compose.yml, where the database service is called `mongodb`.
async function connectDb() {
  await mongoose.connect('mongodb://mongodb:27017/chat');
  console.log('MongoDB connected');
}

module.exports = { connectDb };
