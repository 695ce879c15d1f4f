export default [
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/orders' },
];
