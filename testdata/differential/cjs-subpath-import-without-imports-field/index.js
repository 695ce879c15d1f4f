const { v } = require('#config');
console.log(v === 1 ? 'ok' : 'bad');
