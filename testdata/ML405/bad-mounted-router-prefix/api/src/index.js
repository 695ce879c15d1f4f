const express = require('express');
const healthRouter = require('./routes/health');
const ordersRouter = require('./routes/orders');

const app = express();
const port = Number(process.env.PORT ?? 3000);

app.use(express.json());
app.use('/api', healthRouter);
app.use('/api/orders', ordersRouter);

app.listen(port, () => console.log(`orders api listening on ${port}`));
