console.log('notifier started');
