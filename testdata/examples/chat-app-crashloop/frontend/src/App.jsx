import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';

const API_URL = import.meta.env.VITE_API_URL || '';
const socket = io(API_URL, { autoConnect: false });

export default function App() {
  const [messages, setMessages] = useState([]);
  const [text, setText] = useState('');

  useEffect(() => {
    socket.connect();
    socket.on('message', (msg) => setMessages((prev) => [...prev, msg]));
    return () => {
      socket.off('message');
      socket.disconnect();
    };
  }, []);

  const send = (e) => {
    e.preventDefault();
    if (!text.trim()) return;
    socket.emit('message', { text, sentAt: Date.now() });
    setText('');
  };

  return (
    <main className="chat">
      <h1>Chat</h1>
      <ul>
        {messages.map((m, i) => (
          <li key={i}>{m.text}</li>
        ))}
      </ul>
      <form onSubmit={send}>
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="Say something" />
        <button type="submit">Send</button>
      </form>
    </main>
  );
}
