import { renderCart } from './cart.js';

renderCart(document.getElementById('cart'), [{ sku: 'tea', qty: 2 }]);
