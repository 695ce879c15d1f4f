import db from './db';

db.connect();
console.log('orders service started');
