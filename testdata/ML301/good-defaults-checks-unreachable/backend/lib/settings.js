const { REGION = 'eu-west-1' } = process.env;

const settings = {
  port: process.env.PORT ?? 3000,
  logLevel: process.env.LOG_LEVEL || 'info',
  region: REGION,
};

module.exports = { settings };
