import { v } from 'lib/internal/x.js';
console.log(v === 1 ? 'ok' : 'bad');
