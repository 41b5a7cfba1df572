import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../../api/news';
import { NEWS_NS } from './i18n';

const COLORS: Record<ArticleStatus, string> = { draft: 'default', in_review: 'gold', published: 'green', unpublished: 'red' };

/** The workflow status; a published article whose time has not come yet is "scheduled". */
export function StatusTag({ status, publishAt }: { status: ArticleStatus; publishAt: string | null }) {
  const { t } = useTranslation(NEWS_NS);
  const scheduled = status === 'published' && publishAt !== null && Date.parse(publishAt) > Date.now();
  return (
    <span data-testid="article-status">
      <Tag color={COLORS[status]}>{t(`statuses.${status}`)}</Tag>
      {scheduled && <Tag color="blue">{t('scheduled')}</Tag>}
    </span>
  );
}
