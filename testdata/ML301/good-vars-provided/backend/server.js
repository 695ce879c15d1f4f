const express = require('express');

const app = express();
const db = process.env.DATABASE_URL; // env[].name
const cacheTtl = process.env.CACHE_TTL; // envFrom ConfigMap key
const search = process.env.FEATURE_SEARCH; // envFrom ConfigMap with prefix FEATURE_
const jwtSecret = process.env['JWT_SECRET']; // envFrom Secret
const format = process.env.LOG_FORMAT; // Dockerfile ENV (legacy form)

app.get('/healthz', (req, res) =>
  res.json({ db: Boolean(db), cacheTtl, search, jwt: Boolean(jwtSecret), format }),
);
app.listen(process.env.PORT); // Dockerfile ENV
