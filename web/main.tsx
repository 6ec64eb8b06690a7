import './auth/csp.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import './utrecht.ts';
import './styles.css';
import { I18nProvider } from './i18n/index.tsx';
import { AnnouncerProvider } from './components/announcer.tsx';
import { ApiError } from './lib/api.ts';
import { loadSearchValidation, router } from './router.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (401, 403, 404, 422) will not change by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

const el = document.getElementById('root');
if (!el) throw new Error('index.html lacks <div id="root">');
// A first URL with search params (a bookmarked search) is validated before the page shows; otherwise the
// validation loads once the first page is there.
if (window.location.search !== '') await loadSearchValidation();
else if ('requestIdleCallback' in window) requestIdleCallback(() => void loadSearchValidation());
else setTimeout(() => void loadSearchValidation(), 1000);
createRoot(el).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <AnnouncerProvider>
          <RouterProvider router={router} />
        </AnnouncerProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
