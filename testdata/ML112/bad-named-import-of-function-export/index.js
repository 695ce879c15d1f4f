import { greet } from './lib.cjs';
console.log(greet() === 'hi' ? 'ok' : 'bad');
