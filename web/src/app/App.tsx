import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './AppRoutes.tsx';
import { LocaleSync } from './LocaleSync.tsx';
import { queryClient } from './query-client.ts';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <LocaleSync />
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
