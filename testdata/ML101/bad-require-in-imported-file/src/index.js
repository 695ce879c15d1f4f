import { loadConfig } from './config/load.js';

const config = loadConfig();
console.log(`billing listening on ${config.port}`);
