import { setTimeout as sleep } from 'node:timers/promises';
import { nextJob } from './queue.mjs';
import legacy from './legacy.js';

export async function run() {
  for (;;) {
    const job = await nextJob();
    if (job) console.log('processing', job.id, legacy.tag);
    await sleep(1000);
  }
}

run();
