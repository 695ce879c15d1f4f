const { formatDate } = await import('./lib/util');

console.log(`report generated ${formatDate(new Date())}`);
