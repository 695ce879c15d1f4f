module.exports = [
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/orders' },
];
