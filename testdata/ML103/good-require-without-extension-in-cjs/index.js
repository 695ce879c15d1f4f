const db = require('./db');

db.connect();
console.log('orders service started');
