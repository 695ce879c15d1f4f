// Orders API entry point.
const http = require('node:http');
const { handle } = require('./handler');

http.createServer(handle).listen(8080);
