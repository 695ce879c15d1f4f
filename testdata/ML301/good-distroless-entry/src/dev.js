import './server.js';

const tunnel = process.env.NGROK_TOKEN;
console.log(`dev tunnel token ${tunnel.slice(0, 4)}...`);
