const express = require('express');
const customAuth = require('./middleware/auth');

const app = express();
const port = Number(process.env.PORT ?? 3000);

// Runs before every route. It answers /status itself (no token needed), which ManifestLint cannot see.
app.use(customAuth);

app.get('/api/profile', (req, res) => res.json({ user: req.user }));

app.listen(port, () => console.log(`gateway listening on ${port}`));
