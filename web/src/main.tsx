import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { preloadFirstPage } from './app/AppRoutes.tsx';
import { atMost, prefetchFirstData, readSession } from './app/first-load.ts';
import { registerServiceWorker } from './app/register-sw.ts';
import { initI18n } from './lib/i18n.ts';
import './styles.css';
import './fonts.css';

/** How long the first render waits for the first page's data before it draws the page loading. */
const FIRST_DATA_WAIT_MS = 3000;

async function start(): Promise<void> {
  // Everything the first page needs starts now, side by side: its chunks, the session (preloaded by
  // index.html), its data; the catalogue is the member's own as soon as the session names it.
  preloadFirstPage(window.location.pathname);
  const session = readSession();
  const firstData = prefetchFirstData(window.location.pathname, session);
  await Promise.all([initI18n(session.then((user) => user?.locale)), atMost(FIRST_DATA_WAIT_MS, firstData)]);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  // The first page is drawn whole (its data is there) and as a transition, which React renders in
  // slices that leave the main thread free in between, instead of one task of several hundred
  // milliseconds on a slow phone.
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
  registerServiceWorker();
}

void start();
