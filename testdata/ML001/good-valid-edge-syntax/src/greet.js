export class Greeter {
  #prefix = 'Hello';

  static create() {
    return new Greeter();
  }

  greet(name) {
    return `${this.#prefix}, ${name}!`;
  }
}

export const greet = (name) => Greeter.create()?.greet(name);
