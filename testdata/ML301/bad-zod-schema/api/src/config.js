import { z } from 'zod';

const EnvSchema = z.object({
  MONGODB_URI: z.string().url(),
  PORT: z.coerce.number().default(3000),
  LOG_LEVEL: z.enum(['info', 'debug']).optional(),
  JWT_SECRET: z.string().min(32),
});

export const env = EnvSchema.parse(process.env);
