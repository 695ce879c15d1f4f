import data from './data.json' with { type: 'json' };
console.log(data.a === 1 ? 'ok' : 'bad');
