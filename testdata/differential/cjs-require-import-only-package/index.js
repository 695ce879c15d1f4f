const { v } = require('imp-only');
console.log(v === 1 ? 'ok' : 'bad');
