const url = import.meta.url;

if (url.startsWith('file:')) console.log('ok');
