import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes.tsx';
import { LocaleSync } from './LocaleSync.tsx';
import { persistOptions, saveOutboxAtOnce } from './offline-cache.ts';
import { resumeOutbox } from './outbox.ts';
import { queryClient } from './query-client.ts';

export function App() {
  return (
    <PersistQueryClientProvider
      client={queryClient}
      persistOptions={persistOptions}
      onSuccess={() => {
        // What was restored comes from an earlier visit: every page asks again once it is shown
        // (even those that otherwise keep their answer for the whole visit), as soon as it is online.
        void queryClient.invalidateQueries();
        saveOutboxAtOnce(queryClient);
        resumeOutbox(queryClient);
      }}
    >
      <BrowserRouter>
        <LocaleSync />
        <AppRoutes />
      </BrowserRouter>
    </PersistQueryClientProvider>
  );
}
