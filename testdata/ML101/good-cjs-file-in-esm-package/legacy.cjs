const path = require('node:path');

function version() {
  return `${path.basename(__dirname)}@1.0.0`;
}

module.exports = { version };
