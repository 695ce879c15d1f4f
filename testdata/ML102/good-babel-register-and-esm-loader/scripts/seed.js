import { writeFileSync } from 'fs';

const users = [{ name: 'ada' }, { name: 'grace' }];
writeFileSync('seed.json', JSON.stringify(users));
console.log(`seeded ${users.length} users`);
