import db from './db.js';
import data from './data.json' with { type: 'json' };

db.connect();
console.log(`orders service started with ${data.regions.length} regions`);
