const { v } = require('tshy-lib');
console.log(v === 1 ? 'ok' : 'bad');
