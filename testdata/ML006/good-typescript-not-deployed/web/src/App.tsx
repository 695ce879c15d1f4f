export function App(): JSX.Element {
  return <main>Hello</main>;
}
