import { cleanEnv, str, num } from 'envalid';

// envalid fails fast at start-up when a variable without a default is missing.
const env = cleanEnv(process.env, {
  QUEUE_URL: str(),
  CONCURRENCY: num({ default: 4 }),
  LOG_LEVEL: str({ devDefault: 'debug' }),
});

export async function connect() {
  return { on() {}, url: env.QUEUE_URL, concurrency: env.CONCURRENCY };
}
