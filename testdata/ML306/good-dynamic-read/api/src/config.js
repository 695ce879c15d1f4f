const keys = ['LOG_LEVEL', 'MONGO_URI'];

// Copies variables by computed key: any of them may be read here, MONGO_URI included.
export const cfg = {};
for (const k of keys) cfg[k] = process.env[k];
