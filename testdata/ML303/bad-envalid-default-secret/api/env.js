const { cleanEnv, str, port } = require('envalid');

module.exports = cleanEnv(process.env, {
  PORT: port({ default: 8080 }),
  LOG_LEVEL: str({ choices: ['info', 'debug'], default: 'info' }),
  API_TOKEN: str({ default: 'changeme' }),
});
