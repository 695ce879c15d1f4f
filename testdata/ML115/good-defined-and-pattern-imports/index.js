import { v } from '#config';
import { w } from '#lib/util';
console.log(v + w === 3 ? 'ok' : 'bad');
