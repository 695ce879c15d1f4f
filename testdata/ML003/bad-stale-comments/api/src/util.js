// manifestlint-disable-next-line require-in-esm
export const double = (n) => n * 2;
