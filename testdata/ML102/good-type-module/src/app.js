import express from 'express';
import { products } from './products.js';

export const app = express();
app.get('/products', (req, res) => res.json(products));
app.listen(8080);

export default app;
