import { connect } from './queue.js';

const queue = await connect();
queue.on('job', (job) => console.log('job', job.id));
