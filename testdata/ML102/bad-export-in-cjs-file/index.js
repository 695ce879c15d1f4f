import formatPrice from './format.cjs';

console.log(formatPrice(1999));
