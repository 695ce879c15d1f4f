const SYMBOL = '$';

function formatPrice(cents) {
  return `${SYMBOL}${(cents / 100).toFixed(2)}`;
}

export default formatPrice;
