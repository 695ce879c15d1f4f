import lib from './lib.cjs';

console.log(lib.value);
