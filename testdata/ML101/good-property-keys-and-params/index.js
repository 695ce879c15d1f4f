import { plugins } from './plugins.js';

// Property names and bindings that only share a name with the CommonJS globals.
const loader = { require: 1, exports: [], __dirname: '/srv' };
loader.require += 1;
const kind = plugins.module ?? 'default';
const pick = ({ require: req }) => req;

function describe(module) {
  return `${module.id}: ${module.exports}`;
}

class Registry {
  exports() {
    return [];
  }
}

const note = 'call require() only from .cjs files';
console.log(describe({ id: kind, exports: loader.exports }), new Registry().exports(), pick(loader), note);
