import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider } from './i18n/i18n';
import { ServerClockProvider } from './hooks/serverClock';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <ServerClockProvider>
        <App />
      </ServerClockProvider>
    </I18nProvider>
  </StrictMode>,
);
