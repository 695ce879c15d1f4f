// Peer baseline for bench/run.sh: ESLint parses every JS file of the corpus and runs no rule.
export default [
  {
    files: ['**/*.js'],
    rules: {},
  },
];
