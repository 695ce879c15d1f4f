const value = await Promise.resolve('ok');

console.log(value);
