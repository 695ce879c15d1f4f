import { z } from 'zod';

const result = z
  .object({
    QUEUE_NAME: z.string().min(1),
    PORT: z.coerce.number().default(8080),
    LOG_LEVEL: z.enum(['info', 'debug', 'warn']).optional(),
    SENTRY_DSN: z.string().url().nullish(),
    MAX_WIDTH: z.coerce.number().int().catch(2048),
    CACHE_DIR: z.string().default('/tmp/imaging-cache'),
  })
  .safeParse(process.env);

if (!result.success) {
  console.error('invalid environment', result.error.flatten().fieldErrors);
  process.exit(1);
}

export const config = result.data;
