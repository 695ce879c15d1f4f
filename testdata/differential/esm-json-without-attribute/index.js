import data from './data.json';
console.log(data.a === 1 ? 'ok' : 'bad');
