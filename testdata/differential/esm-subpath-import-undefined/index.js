import { v } from '#settings';
console.log(v === 1 ? 'ok' : 'bad');
