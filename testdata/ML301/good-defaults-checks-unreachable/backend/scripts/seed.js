const token = process.env.SEED_TOKEN;
console.log('seeding with', token);
