import { value } from './lib';

console.log(value);
