import { v } from 'lib/feature';
console.log(v === 1 ? 'ok' : 'bad');
