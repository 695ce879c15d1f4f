const path = require('node:path');
module.exports = { v: path.sep ? 1 : 0 };
