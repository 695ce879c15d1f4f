const routes = require('./routes');

for (const route of routes) {
  console.log(`route ${route.method} ${route.path}`);
}
