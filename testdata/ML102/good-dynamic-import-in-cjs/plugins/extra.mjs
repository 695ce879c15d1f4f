export default { name: 'extra' };
