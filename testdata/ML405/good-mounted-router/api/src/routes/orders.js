import express from 'express';

const router = express.Router();
const orders = new Map();

router.get('/:id', (req, res) => {
  const order = orders.get(req.params.id);
  if (!order) return res.status(404).json({ error: 'not found' });
  res.json(order);
});

router.post('/', (req, res) => {
  const id = String(orders.size + 1);
  orders.set(id, { id, ...req.body });
  res.status(201).json({ id });
});

export default router;
