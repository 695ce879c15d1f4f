const { EventEmitter } = require('node:events');

const bus = new EventEmitter();
bus.on('sent', (to) => console.log(`notified ${to}`));
bus.emit('sent', 'ops@example.com');
