const { API_KEY, CURRENCY = 'usd' } = process.env;

async function charge(amount) {
  return { amount, currency: CURRENCY, authorization: `Bearer ${API_KEY}` };
}

module.exports = { charge };
