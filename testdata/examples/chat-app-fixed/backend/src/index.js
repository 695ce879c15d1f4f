import express from 'express';
import http from 'http';
import { Server } from 'socket.io';
import cors from 'cors';
import connectDB from './config/db.js';
import authRoutes from './routes/auth.js';

const app = express();
const server = http.createServer(app);
const io = new Server(server, { cors: { origin: '*' } });

app.use(cors());
app.use(express.json());
app.get('/health', (req, res) => res.json({ status: 'ok' }));
app.use('/api/auth', authRoutes);

io.on('connection', (socket) => {
  console.log(`client connected: ${socket.id}`);
  socket.on('message', (msg) => io.emit('message', msg));
  socket.on('disconnect', () => console.log(`client left: ${socket.id}`));
});

connectDB();

server.listen(process.env.PORT, () => {
  console.log(`Server listening on port ${process.env.PORT}`);
});

export default app;
