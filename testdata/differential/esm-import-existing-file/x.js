export const value = 'ok';
