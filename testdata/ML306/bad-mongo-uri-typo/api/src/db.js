import mongoose from 'mongoose';

const uri = process.env.MONGODB_URI ?? 'mongodb://localhost:27017/chat';

export function connect() {
  return mongoose.connect(uri);
}
