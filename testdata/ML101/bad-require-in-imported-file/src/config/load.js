const fs = require('node:fs');

export function loadConfig() {
  const raw = fs.readFileSync('/etc/billing/config.json', 'utf8');
  return JSON.parse(raw);
}
