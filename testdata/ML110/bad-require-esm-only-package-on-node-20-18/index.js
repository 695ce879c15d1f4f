const { v } = require('esm-only');
console.log(v === 1 ? 'ok' : 'bad');
