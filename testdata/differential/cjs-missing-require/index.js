const y = require('./y');

console.log(y.value);
