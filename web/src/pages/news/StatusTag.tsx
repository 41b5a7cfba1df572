import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../../api/news';
import { NEWS_NS } from './i18n';

// Solid, dark colours: white text on them keeps a contrast above 4.5:1 (antd's light presets do not).
const COLORS: Record<ArticleStatus, string> = { draft: '#595959', in_review: '#ad4e00', published: '#237804', unpublished: '#a8071a' };

/** The workflow status; a published article whose time has not come yet is "scheduled". */
export function StatusTag({ status, publishAt }: { status: ArticleStatus; publishAt: string | null }) {
  const { t } = useTranslation(NEWS_NS);
  const scheduled = status === 'published' && publishAt !== null && Date.parse(publishAt) > Date.now();
  return (
    <span data-testid="article-status">
      <Tag color={COLORS[status]}>{t(`statuses.${status}`)}</Tag>
      {scheduled && <Tag color="#10239e">{t('scheduled')}</Tag>}
    </span>
  );
}
