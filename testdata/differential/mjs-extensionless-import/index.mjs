import { value } from './x';

console.log(value);
