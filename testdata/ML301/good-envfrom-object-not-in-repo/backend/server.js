const http = require('node:http');

const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
const dbUrl = process.env.DATABASE_URL;

http.createServer((req, res) => res.end(`${endpoint} ${Boolean(dbUrl)}`)).listen(8080);
