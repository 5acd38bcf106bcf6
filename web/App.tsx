export function App() {
  return <h1>推进 Tuijin</h1>;
}
