const fs = require('node:fs');

if (fs.existsSync('.')) console.log('ok');
