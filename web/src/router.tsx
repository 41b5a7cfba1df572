/** The router: the login page, and every page of routes.tsx inside the signed-in layout. */
import { Button, Result } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, useRouteError } from 'react-router';
import { FullPageSpinner, RequireAuth, useCurrentUser } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { INDEX_PATH, PAGES, type PageRoute } from './routes';

const LoginPage = lazy(() => import('./pages/login/LoginPage'));

function PageGate({ route }: { route: PageRoute }) {
  const me = useCurrentUser();
  const { t } = useTranslation();
  if (route.allowed && !route.allowed(me)) {
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} />;
  }
  const Page = route.page;
  return <Page />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.notFoundTitle')} subTitle={t('errors.notFound')} />;
}

/** A page chunk failed to load (often: a new version was deployed) or a page crashed. */
function RouteError() {
  const error = useRouteError() as Error | undefined;
  const { t } = useTranslation();
  const chunk = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error?.message ?? '');
  return (
    <Result
      status="error"
      title={t('errors.title')}
      subTitle={chunk ? t('errors.chunk') : error?.message}
      extra={<Button type="primary" onClick={() => window.location.reload()}>{t('actions.reload')}</Button>}
    />
  );
}

const suspended = (node: ReactNode) => <Suspense fallback={<FullPageSpinner />}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/login', element: suspended(<LoginPage />), errorElement: <RouteError /> },
  {
    path: '/',
    element: <RequireAuth><AppLayout /></RequireAuth>,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to={INDEX_PATH} replace /> },
      ...PAGES.map((route) => ({ path: route.path, element: <PageGate route={route} />, errorElement: <RouteError /> })),
      { path: '*', element: <NotFound /> },
    ],
  },
], { basename: '/app' });
