export function renderCart(el, items) {
  el.textContent = items.map((i) => `${i.qty} x ${i.sku}`).join(', ');
}
