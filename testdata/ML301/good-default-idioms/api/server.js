const http = require('node:http');

const port = parseInt(process.env.A1, 10) || 3000;
const sampleRate = parseFloat(process.env.A2) || 0.5;
const retries = +process.env.A3 || 1;
const workers = Number(process.env.A4) || 5;
const origins = process.env.A5?.split(',') ?? [];
const region = process.env.A6?.trim() || 'd';
const verbose = process.env.A7?.toLowerCase() === 'yes';
const mode = 'A8' in process.env ? 1 : 2;
const legacy = process.env.hasOwnProperty('A9') ? 1 : 2;

const settings = { sampleRate, retries, workers, origins, region, verbose, mode, legacy };

http
  .createServer((req, res) => res.end(JSON.stringify(settings)))
  .listen(port);
