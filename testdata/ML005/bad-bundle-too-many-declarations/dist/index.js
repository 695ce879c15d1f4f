import { readFileSync } from "node:fs";
const a = 1, b = 2;
let c = 3;
function d() { return a + b + c; }
class E {}
export default { d, E, readFileSync };
