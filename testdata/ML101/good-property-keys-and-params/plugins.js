export const plugins = { module: 'esm', list: [] };
