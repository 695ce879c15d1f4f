console.log('worker started');
