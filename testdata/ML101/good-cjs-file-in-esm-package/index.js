import legacy from './legacy.cjs';

console.log(legacy.version());
