const Redis = require('ioredis');

const cache = new Redis({ host: 'cache', port: 6379 });

module.exports = cache;
