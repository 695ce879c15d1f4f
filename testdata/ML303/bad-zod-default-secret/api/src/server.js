import express from 'express';
import session from 'express-session';
import { env } from './env.js';

const app = express();

app.get('/healthz', (req, res) => res.send('ok'));

app.use(
  session({
    secret: env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { secure: env.NODE_ENV === 'production' },
  }),
);

app.get('/me', (req, res) => res.json({ user: req.session.user ?? null }));

app.listen(env.PORT, () => console.log(`api listening on ${env.PORT}`));
