const config = require('./confg');

console.log(`checkout listening on ${config.port}`);
