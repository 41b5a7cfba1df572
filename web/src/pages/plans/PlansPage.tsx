/**
 * "Kế hoạch": the plans one may see (issued along one's line, drafts of one's own units), by
 * year, issuing unit, status and title; a button to draft a new one.
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, InputNumber, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listPlans, type PlanSummary } from '../../api/plans';
import { canAnywhere } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { UnitPicker } from '../../components/units/UnitPicker';
import { errorText } from '../../forms/validation';
import { formatDate, todayVn } from '../../lib/dates';
import { PLANS_NS } from './i18n';
import { PlanStatusTag } from './PlanStatusTag';
import { useDebounced } from '../../lib/useDebounced';

const PAGE_SIZE = 30;

export default function PlansPage() {
  const { t } = useTranslation(PLANS_NS);
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [issuer, setIssuer] = useState<number | undefined>();
  const [status, setStatus] = useState<'draft' | 'issued' | 'closed' | undefined>();
  const [page, setPage] = useState(1);
  const q = useDebounced(search.trim(), 300);
  useEffect(() => setPage(1), [q, year, issuer, status]);

  const query = { q: q || undefined, year: year ?? undefined, issuer, status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const plans = useQuery({
    queryKey: ['plans', 'list', query],
    queryFn: ({ signal }) => listPlans(query, signal),
    placeholderData: keepPreviousData,
  });
  // Units as they stood in the chosen year (a 2021 plan was issued by units that no longer exist).
  const asOf = year ? `${year}-07-01` : todayVn();

  return (
    <>
      <PageTitle
        title={t('title')}
        extra={canAnywhere(me, 'plan.draft') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/plans/new')} data-testid="create-plan">{t('create')}</Button>
        )}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10, alignItems: 'center' }}>
          <Input
            allowClear prefix={<SearchOutlined className="muted" />} placeholder={t('search')} aria-label={t('search')}
            value={search} onChange={(e) => setSearch(e.target.value)} style={{ flex: '2 1 240px', minWidth: 0 }} data-testid="plan-search"
          />
          <InputNumber<number>
            placeholder={t('year')} aria-label={t('year')} min={1930} max={2100} value={year} onChange={(v) => setYear(v ?? null)}
            style={{ width: 110 }} data-testid="plan-year"
          />
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            <UnitPicker value={issuer} onChange={setIssuer} asOf={asOf} placeholder={t('issuer')} aria-label={t('issuer')} />
          </div>
          <Select
            allowClear placeholder={t('allStatuses')} aria-label={t('status')} value={status} onChange={setStatus} style={{ width: 170 }}
            options={(['draft', 'issued', 'closed'] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          />
        </div>
      </Card>
      <Card size="small">
        {plans.isError && <Alert type="error" showIcon message={errorText(plans.error)} style={{ marginBottom: 8 }} />}
        <Table<PlanSummary>
          rowKey="id"
          size="small"
          loading={plans.isFetching}
          dataSource={plans.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty') }}
          pagination={{
            current: page, pageSize: PAGE_SIZE, total: plans.data?.total ?? 0, onChange: setPage, showSizeChanger: false,
            showTotal: (total) => t('total', { count: total }),
          }}
          columns={[
            { title: t('columns.number'), dataIndex: 'number', render: (n: string | null) => n ?? '—', width: 110 },
            {
              title: t('columns.title'), dataIndex: 'title',
              render: (title: string, plan) => <Link to={`/plans/${plan.id}`} style={{ display: 'inline-block', maxWidth: 520, whiteSpace: 'normal' }}>{title}</Link>,
            },
            { title: t('columns.issuer'), key: 'issuer', render: (_: unknown, plan) => plan.issuerUnit.name },
            { title: t('columns.year'), dataIndex: 'year', width: 70 },
            { title: t('columns.status'), key: 'status', render: (_: unknown, plan) => <PlanStatusTag status={plan.status} amendmentOpen={plan.amendmentOpen} /> },
            { title: t('columns.issuedOn'), dataIndex: 'issuedOn', render: (d: string | null) => formatDate(d) },
            { title: t('columns.groups'), key: 'groups', align: 'right', render: (_: unknown, plan) => plan.taskGroups.length },
            { title: t('columns.required'), dataIndex: 'requiredUnitCount', align: 'right' },
          ]}
        />
      </Card>
    </>
  );
}
