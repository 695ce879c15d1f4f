import http from 'node:http';
import process from 'node:process';

const key = process.env.API_KEY;

function authorize(req, apiKey) {
  return req.headers['x-api-key'] === apiKey;
}

http
  .createServer((req, res) => {
    res.statusCode = authorize(req, key) ? 200 : 401;
    res.end();
  })
  .listen(process.env.PORT ?? 3000);
