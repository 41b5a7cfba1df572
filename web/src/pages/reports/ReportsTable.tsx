/** A list of reports (unit, period, status, deadline, when sent), each opening its page. */
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { compareVi } from '../../../../src/core/text';
import type { ReportSummary } from '../../api/reports';
import { formatDate, formatInstant } from '../../lib/dates';
import { STATUS_COLORS } from './format';
import { REPORTS_NS } from './i18n';

export function ReportsTable({ rows, loading, showSchedule }: { rows: ReportSummary[]; loading?: boolean; showSchedule?: boolean }) {
  const { t } = useTranslation(REPORTS_NS);
  const navigate = useNavigate();
  return (
    <Table<ReportSummary>
      rowKey="id" size="small" loading={loading} dataSource={rows} pagination={rows.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 'max-content' }} locale={{ emptyText: t('list.empty') }}
      onRow={(r) => ({ onClick: () => navigate(`/reports/${r.id}`), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('columns.unit'), dataIndex: 'unitName', sorter: (a, b) => compareVi(a.unitName, b.unitName), render: (name: string, r) => <a href={`/app/reports/${r.id}`} onClick={(e) => e.preventDefault()}>{name}</a> },
        ...(showSchedule ? [{ title: t('columns.schedule'), dataIndex: 'scheduleName' }] : []),
        { title: t('columns.period'), dataIndex: 'periodLabel' },
        { title: t('columns.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag> },
        { title: t('columns.due'), dataIndex: 'dueDate', render: (d: string) => formatDate(d) },
        { title: t('columns.submitted'), dataIndex: 'submittedAt', render: (d: string | null) => formatInstant(d) },
        { title: t('columns.reviewer'), dataIndex: 'reviewerUnitName', render: (n: string | null) => n ?? '—' },
        ...(rows.some((r) => r.flagCount !== undefined) ? [{
          title: t('columns.flags'), dataIndex: 'flagCount', align: 'right' as const,
          render: (n: number | undefined) => (n ? <Tag color="warning" data-testid="flag-count">⚑ {n}</Tag> : ''),
        }] : []),
      ]}
    />
  );
}
