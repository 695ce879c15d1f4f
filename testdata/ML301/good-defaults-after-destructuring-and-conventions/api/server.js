import http from 'node:http';

const { PORT, MONGODB_URI } = process.env;
const port = PORT || 3000;
const uri = MONGODB_URI ?? 'mongodb://localhost/dev';

console.log(process.env.NODE_ENV);

let logFormat = 'text';
switch (process.env.LOG_FORMAT) {
  case 'json':
    logFormat = 'json';
    break;
  default:
    break;
}

const metricsEnabled = Boolean(process.env.ENABLE_METRICS);

// Set by npm itself: the Dockerfile starts the app with `npm start`.
console.log(process.env.npm_package_version);

http
  .createServer((req, res) => res.end(JSON.stringify({ ok: true, logFormat, metricsEnabled })))
  .listen(port, () => console.log(`api listening on ${port}, database ${uri}`));
