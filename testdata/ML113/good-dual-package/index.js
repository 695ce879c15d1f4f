const { v } = require('dual');
console.log(v === 1 ? 'ok' : 'bad');
