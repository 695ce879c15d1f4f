// Developer tool: `npm run seed` against the docker compose stack (service `seed-db`).
// The server (src/index.js) never loads this file.
const mongoose = require('mongoose');

async function seed() {
  await mongoose.connect('mongodb://seed-db:27017/chat');
  await mongoose.connection.db.collection('rooms').insertMany([{ name: 'general' }, { name: 'random' }]);
  await mongoose.disconnect();
}

seed().catch((err) => {
  console.error(err);
  process.exit(1);
});
