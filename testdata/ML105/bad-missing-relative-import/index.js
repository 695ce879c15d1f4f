import { formatPrice } from './helpers.js';

console.log(`total: ${formatPrice(1999)}`);
