export const products = [{ id: 1, name: 'Lamp' }];
