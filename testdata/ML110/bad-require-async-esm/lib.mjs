import { setTimeout as sleep } from 'node:timers/promises';

await sleep(10);
export const x = 1;
