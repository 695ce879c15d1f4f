import { env } from 'node:process';

export const sessionSecret = env.SESSION_SECRET ?? 'keyboard cat';
export const { DB_PASSWORD = 'postgres' } = process.env;
export const port = Number(env.PORT) || 3000;
