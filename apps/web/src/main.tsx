import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { session } from './lib/api';
import './styles.css';

// The session comes back from the refresh cookie before the first screen decides where to go.
void session.restore();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
