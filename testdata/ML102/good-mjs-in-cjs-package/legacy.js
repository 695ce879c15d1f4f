const os = require('node:os');

module.exports = { tag: os.hostname() };
