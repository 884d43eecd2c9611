import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes.tsx';
import { loadStartedAt } from './first-load.ts';
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
        // What this load has already asked (first-load.ts) is fresh: asking it again would only draw
        // the page twice.
        void queryClient.invalidateQueries({
          predicate: (query) =>
            query.state.dataUpdatedAt < loadStartedAt && query.state.fetchStatus !== 'fetching',
        });
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
