import { EventEmitter } from 'node:events';

export async function connect() {
  const emitter = new EventEmitter();
  emitter.url = process.env.QUEUE_URL;
  return emitter;
}
