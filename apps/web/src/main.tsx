import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';
import 'dayjs/locale/vi';
import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import type { ReactNode } from 'react';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client';
import { App } from './App';
import { SessionProvider } from './auth/session';
import i18n, { storedLanguage, useLanguage } from './i18n';

// Dark red of official documents, with enough contrast on white for text (WCAG AA).
const theme = createTheme({ primaryColor: 'red', primaryShade: 8, defaultRadius: 'sm', fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif' });

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 4xx answers are final; only network trouble and 5xx are retried.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
      staleTime: 10_000,
    },
  },
});

document.documentElement.lang = storedLanguage();

/** Calendars in the console's language, weeks from Monday (thứ Hai) as in Viet Nam. */
function LocalizedDates({ children }: { children: ReactNode }) {
  const { lang } = useLanguage();
  return <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <LocalizedDates>
          <Notifications position="top-right" />
          <QueryClientProvider client={queryClient}>
            <SessionProvider>
              <BrowserRouter>
                <App />
              </BrowserRouter>
            </SessionProvider>
          </QueryClientProvider>
        </LocalizedDates>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
