/** Providers: React Query, antd (theme and locale follow the language), the router. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import baseViVN from 'antd/locale/vi_VN';
import type { Locale } from 'antd/es/locale';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { ApiError } from './api/client';
import { SessionWatcher } from './auth/session';
import { router } from './router';
import { theme } from './theme';

// antd's Vietnamese pack lacks the date-time placeholders, which then show in English.
const viVN: Locale = {
  ...baseViVN,
  DatePicker: baseViVN.DatePicker && {
    ...baseViVN.DatePicker,
    lang: { ...baseViVN.DatePicker.lang, dateTimePlaceholder: 'Chọn ngày giờ', rangeDateTimePlaceholder: ['Từ ngày giờ', 'Đến ngày giờ'] } as typeof baseViVN.DatePicker.lang,
  },
};

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or invalid request will not succeed by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionWatcher>
            <RouterProvider router={router} />
          </SessionWatcher>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
