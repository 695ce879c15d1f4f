import http from 'node:http';
import express from 'express';

const { Server } = require('socket.io');

const app = express();
const server = http.createServer(app);
const io = new Server(server);

app.get('/healthz', (req, res) => res.send('ok'));
io.on('connection', (socket) => socket.emit('hello'));

server.listen(8080);
