module.exports = {
  connect() {
    console.log('connected');
  },
};
