const { setTimeout: sleep } = require('node:timers/promises');

async function main() {
  await Promise.resolve();
  await sleep(10);
  for await (const step of steps()) console.log(`applied ${step}`);
}

async function* steps() {
  yield '001-init';
  yield '002-orders';
}

main().then(() => console.log('migrations applied'));
