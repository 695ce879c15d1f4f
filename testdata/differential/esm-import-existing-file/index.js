import { value } from './x.js';

console.log(value);
