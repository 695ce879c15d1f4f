import express from 'express';

const cors = require('cors');
const helmet = require('helmet');

const app = express();
app.use(cors());
app.use(helmet());

export function start(port) {
  return app.listen(port);
}

module.exports = app;
exports.start = start;
