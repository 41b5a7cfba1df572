/** Completeness and timeliness of a period: each unit that must report, and counts per unit below. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { compareVi } from '../../../../src/core/text';
import { getCompleteness, type Completeness } from '../../api/reports';
import { errorText } from '../../forms/validation';
import { formatDate, formatInstant } from '../../lib/dates';
import { STATUS_COLORS, reportKeys } from './format';
import { REPORTS_NS } from './i18n';

export function CompletenessBoard({ unit, period, schedule }: { unit: number; period: string; schedule?: number }) {
  const { t } = useTranslation(REPORTS_NS);
  const q = { unit, period, schedule };
  const data = useQuery({ queryKey: reportKeys.completeness(q), queryFn: ({ signal }) => getCompleteness(q, signal) });
  if (data.isError) return <Alert type="error" showIcon message={errorText(data.error)} />;
  const c = data.data;
  if (!c) return null;
  const statuses = ['on_time', 'late', 'returned', 'missing', 'not_due'] as const;
  return (
    <div data-testid="completeness">
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={4}><Card size="small"><Statistic title={t('completeness.expected')} value={c.summary.expected} /></Card></Col>
        {statuses.map((s) => <Col key={s} xs={12} md={4}><Card size="small"><Statistic title={t(`timeliness.${s}`)} value={c.summary[s]} /></Card></Col>)}
      </Row>
      <Card size="small" title={t('completeness.byUnit')} style={{ marginBottom: 12 }}>
        <Table size="small" rowKey="unitId" pagination={false} dataSource={c.byUnit} scroll={{ x: 'max-content' }} columns={[
          { title: t('columns.unit'), dataIndex: 'name', sorter: (a, b) => compareVi(a.name, b.name) },
          { title: t('completeness.expected'), render: (_: unknown, r) => r.counts.expected, align: 'right' },
          ...statuses.map((s) => ({ title: t(`timeliness.${s}`), align: 'right' as const, render: (_: unknown, r: Completeness['byUnit'][number]) => r.counts[s] || '' })),
          { title: t('completeness.accepted'), align: 'right', render: (_: unknown, r) => r.counts.accepted },
        ]} />
      </Card>
      <Table size="small" rowKey="unitId" pagination={c.units.length > 50 ? { pageSize: 50 } : false} dataSource={c.units} scroll={{ x: 'max-content' }} columns={[
        { title: t('columns.unit'), dataIndex: 'name', sorter: (a, b) => compareVi(a.name, b.name) },
        { title: t('columns.status'), dataIndex: 'status', filters: statuses.map((s) => ({ text: t(`timeliness.${s}`), value: s })), onFilter: (v, r) => r.status === v,
          render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`timeliness.${s}`)}</Tag> },
        { title: t('completeness.firstSubmitted'), dataIndex: 'firstSubmittedAt', render: (d: string | null) => formatInstant(d) },
        { title: t('completeness.daysLate'), dataIndex: 'daysLate', align: 'right' },
        { title: t('columns.due'), render: () => formatDate(c.period.dueDate) },
        { title: t('columns.status'), dataIndex: 'review', render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag> },
      ]} />
    </div>
  );
}
