const here = new URL('.', import.meta.url);

console.log(`serving assets from ${here.pathname}`);
