import React, { useState } from 'react';

const API_URL = process.env.REACT_APP_API_URL || '/api';

export default function App() {
  const [count, setCount] = useState(0);
  return (
    <div className="App">
      <h1>Storefront</h1>
      <p>Talking to {API_URL}</p>
      <button onClick={() => setCount(count + 1)}>Clicked {count} times</button>
    </div>
  );
}
