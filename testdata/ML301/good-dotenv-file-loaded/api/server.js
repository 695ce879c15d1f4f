import 'dotenv/config';
import http from 'node:http';

const dbName = process.env.DB_NAME;

http
  .createServer((req, res) => res.end(JSON.stringify({ db: dbName.toUpperCase() })))
  .listen(process.env.PORT ?? 3000);
