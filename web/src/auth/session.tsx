/**
 * The session: who is signed in (GET /api/v1/me, cached by React Query under ['me']),
 * signing in and out, and the gate that sends anonymous visitors to the login page.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useCallback, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import * as authApi from '../api/auth';
import type { Me } from '../api/auth';
import { setUnauthorizedHandler } from '../api/client';
import { hasChosenLang, setLang } from '../i18n';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: authApi.fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

/** The signed-in person; only for components rendered inside <RequireAuth>. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

/** When any API call answers 401, forget the session so <RequireAuth> shows the login page. */
export function SessionWatcher({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      queryClient.setQueryData(ME_KEY, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);
  return <>{children}</>;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useCallback(async (input: authApi.LoginInput) => {
    const me = await authApi.login(input);
    // Someone else may have used this browser: start from a clean cache.
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, me);
    if (!hasChosenLang() && (me.locale === 'en' || me.locale === 'vi')) await setLang(me.locale, false);
    return me;
  }, [queryClient]);
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
    }
  }, [queryClient]);
}

export function FullPageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="full-page-center" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="sr-only">{t('app.loading')}</span>
    </div>
  );
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, isError, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpinner />;
  if (isError) return <SessionProbeFailed error={error} retry={() => void refetch()} />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <>{children}</>;
}

function SessionProbeFailed({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="full-page-center">
      <Result
        status="warning"
        title={t('errors.title')}
        subTitle={error.name === 'NetworkError' ? t('errors.network') : error.message}
        extra={<Button type="primary" onClick={retry}>{t('actions.reload')}</Button>}
      />
    </div>
  );
}
