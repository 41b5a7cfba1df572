import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's heading, also used as the browser tab title. `extra` sits at the right (wraps on phones). */
export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8, marginBottom: 12 }}>
      <h1 className="app-page-title" style={{ margin: 0 }}>{title}</h1>
      {extra}
    </div>
  );
}
