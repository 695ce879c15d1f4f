import mongoose from 'mongoose';
import { cfg } from './config.js';

const uri = cfg.MONGO_URI ?? process.env.MONGODB_URI ?? 'mongodb://localhost:27017/chat';

export function connect() {
  return mongoose.connect(uri);
}
