import hello from './lib.cjs';
console.log(hello() === 'hi' ? 'ok' : 'bad');
