require('./server');

const token = process.env.NGROK_TOKEN;
console.log(`opening dev tunnel with token ${token.slice(0, 4)}...`);
