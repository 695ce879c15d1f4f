const http = require('node:http');
const { settings } = require('./lib/settings');

const isProd = process.env.NODE_ENV === 'production';
if (process.env.DEBUG) {
  console.log('debug on', settings);
}
if (!process.env.CI) {
  console.log('not running in CI');
}

http.createServer((req, res) => res.end(isProd ? 'prod' : 'dev')).listen(settings.port);
