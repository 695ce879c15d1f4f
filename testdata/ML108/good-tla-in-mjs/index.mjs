import { setTimeout as sleep } from 'node:timers/promises';

await Promise.resolve();
await sleep(10);
console.log('migrations applied');
