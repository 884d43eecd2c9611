import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { preloadFirstPage } from './app/AppRoutes.tsx';
import { prefetchFirstData, readSession } from './app/first-load.ts';
import { registerServiceWorker } from './app/register-sw.ts';
import { initI18n } from './lib/i18n.ts';
import './styles.css';
import './fonts.css';

async function start(): Promise<void> {
  // Everything the first page needs starts now, side by side: its chunks, the session (preloaded by
  // index.html), its data; the catalogue is the member's own as soon as the session names it.
  preloadFirstPage(window.location.pathname);
  const session = readSession();
  void prefetchFirstData(window.location.pathname, session);
  await initI18n(session.then((user) => user?.locale));
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  registerServiceWorker();
}

void start();
