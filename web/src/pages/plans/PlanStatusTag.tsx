/** The status of a plan as a coloured tag, with "amendment in progress" beside an issued one. */
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/dates';
import type { PlanTask } from '../../api/plans';
import { PLANS_NS } from './i18n';

const COLORS = { draft: 'gold', issued: 'green', closed: 'default' } as const;

export function PlanStatusTag({ status, amendmentOpen }: { status: 'draft' | 'issued' | 'closed'; amendmentOpen?: boolean }) {
  const { t } = useTranslation(PLANS_NS);
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[status]} data-testid="plan-status">{t(`statuses.${status}`)}</Tag>
      {amendmentOpen && <Tag color="orange">{t('statuses.amending')}</Tag>}
    </Space>
  );
}

/** "Mốc 09/04/2021", "01/03/2021 – 31/03/2021", "Hạn 31/12/2021", or "Thường xuyên". */
export function useTaskWhen() {
  const { t } = useTranslation(PLANS_NS);
  return (task: Pick<PlanTask, 'startOn' | 'dueOn' | 'milestoneOn'>) => {
    if (task.milestoneOn) return t('task.milestone', { date: formatDate(task.milestoneOn) });
    if (task.startOn && task.dueOn) return t('task.period', { from: formatDate(task.startOn), to: formatDate(task.dueOn) });
    if (task.dueOn) return t('task.due', { date: formatDate(task.dueOn) });
    if (task.startOn) return t('task.from', { date: formatDate(task.startOn) });
    return t('task.ongoing');
  };
}
