export default {
  connect() {
    console.log('connected');
  },
};
