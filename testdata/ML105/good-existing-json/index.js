const data = require('./data.json');

console.log(`catalog has ${data.products.length} products`);
