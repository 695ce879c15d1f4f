const apiUrl = import.meta.env.VITE_API_URL ?? '/api';

document.querySelector('#app').textContent = `Chat (API: ${apiUrl})`;
