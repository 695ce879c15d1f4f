// Request handler.
  import { randomUUID } from 'node:crypto';

export function handle(req, res) {
  res.setHeader('x-request-id', randomUUID());
  res.end('ok');
}
