import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from './api/client';
import { App } from './App';
import './styles.css';

const client = new QueryClient({
  // An API answer (404, 403) is final; only network failures are worth one retry.
  defaultOptions: { queries: { staleTime: 30_000, retry: (n, e) => n < 1 && !(e instanceof ApiError), refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
