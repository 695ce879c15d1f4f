import data from './data.json' assert { type: 'json' };
console.log(data.a === 1 ? 'ok' : 'bad');
