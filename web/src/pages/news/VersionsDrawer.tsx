/** Every version of the article: who did what, when, and why (notes of returns and unpublishing). */
import { useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Spin, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { listVersions } from '../../api/news';
import { errorText } from '../../forms/validation';
import { formatInstant } from '../../lib/dates';
import { NEWS_NS } from './i18n';

export function VersionsDrawer({ articleId, open, onClose }: { articleId: number; open: boolean; onClose(): void }) {
  const { t } = useTranslation(NEWS_NS);
  const versions = useQuery({ queryKey: ['news', 'versions', articleId], queryFn: () => listVersions(articleId), enabled: open });
  return (
    <Drawer open={open} onClose={onClose} title={t('editor.versions')} width={420}>
      {versions.isPending && <Spin />}
      {versions.isError && <Alert type="error" showIcon message={errorText(versions.error)} />}
      {versions.data && (
        <Timeline
          items={versions.data.map((v) => ({
            key: v.version,
            children: (
              <div data-testid="article-version">
                <strong>{t('editor.version', { version: v.version })}</strong> · {t(`history.actions.${v.action}`, { defaultValue: v.action })} · {t(`statuses.${v.status}`)}
                <div className="muted">{formatInstant(v.createdAt)}{v.actorName ? ` · ${t('history.by', { name: v.actorName })}` : ''}</div>
                {v.note && <div>“{v.note}”</div>}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
