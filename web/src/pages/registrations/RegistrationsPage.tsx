/**
 * "Đăng ký vấn đề": the inbox — pending approval, in progress, overdue, awaiting confirmation,
 * resolved, returned, drafts — for any subtree, with the count of each; open one to act on it.
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Input, Progress, Table, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGISTRATION_VIEWS, type RegistrationListView } from '../../../../src/modules/registrations/registrations.contract';
import { listRegistrations, type RegistrationSummary } from '../../api/registrations';
import { canAnywhere } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { UnitPicker } from '../../components/units/UnitPicker';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { REGISTRATIONS_NS } from './i18n';
import { RegistrationDrawer } from './RegistrationDrawer';
import { RegistrationFormModal } from './RegistrationFormModal';
import { RegistrationStatusTag } from './RegistrationStatusTag';
import { useDebounced } from '../../lib/useDebounced';

const PAGE_SIZE = 30;
const TAB_ORDER: RegistrationListView[] = ['pending', 'in_progress', 'overdue', 'awaiting_confirmation', 'resolved', 'returned', 'draft'];

export default function RegistrationsPage() {
  const { t } = useTranslation(REGISTRATIONS_NS);
  const me = useCurrentUser();
  const [view, setView] = useState<RegistrationListView>('pending');
  const [unit, setUnit] = useState<number | undefined>();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const q = useDebounced(search.trim(), 300);
  useEffect(() => setPage(1), [view, unit, q]);

  const query = { view, unit, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const list = useQuery({ queryKey: ['registrations', 'list', query], queryFn: ({ signal }) => listRegistrations(query, signal), placeholderData: keepPreviousData });
  const counts = list.data?.counts;

  return (
    <>
      <PageTitle
        title={t('title')}
        extra={canAnywhere(me, 'registration.draft') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-registration">{t('create')}</Button>}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10 }}>
          <Input allowClear prefix={<SearchOutlined className="muted" />} placeholder={t('search')} aria-label={t('search')} value={search}
            onChange={(e) => setSearch(e.target.value)} style={{ flex: '2 1 240px', minWidth: 0 }} />
          <div style={{ flex: '1 1 240px', minWidth: 0 }}><UnitPicker value={unit} onChange={setUnit} placeholder={t('unitFilter')} aria-label={t('unitFilter')} /></div>
        </div>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={view}
          onChange={(key) => setView(key as RegistrationListView)}
          items={TAB_ORDER.filter((v) => REGISTRATION_VIEWS.includes(v)).map((v) => ({
            key: v,
            label: <span data-testid={`registrations-tab-${v}`}>{t(`views.${v}`)} <Badge count={counts?.[v] ?? 0} showZero color={v === 'overdue' ? 'red' : '#8c8c8c'} /></span>,
          }))}
        />
        {list.isError && <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 8 }} />}
        <Table<RegistrationSummary>
          rowKey="id" size="small" loading={list.isFetching} dataSource={list.data?.items ?? []} scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty') }} data-testid="registrations-table"
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('columns.unit'), key: 'unit', render: (_: unknown, r) => r.unit.name },
            { title: t('columns.title'), dataIndex: 'title', render: (title: string) => <span style={{ display: 'inline-block', maxWidth: 420, whiteSpace: 'normal' }}>{title}</span> },
            { title: t('columns.body'), key: 'body', render: (_: unknown, r) => r.body.name },
            { title: t('columns.deadline'), dataIndex: 'deadline', render: (d: string, r) => <span style={r.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{formatDate(d)}</span> },
            { title: t('columns.status'), key: 'status', render: (_: unknown, r) => <RegistrationStatusTag status={r.status} overdue={r.overdue} /> },
            { title: t('columns.percent'), dataIndex: 'latestPercent', render: (p: number | null) => (p === null ? '' : <Progress percent={p} size="small" aria-label={t('columns.percent')} style={{ width: 100, margin: 0 }} />) },
          ]}
        />
      </Card>
      {creating && <RegistrationFormModal editing={null} onClose={() => setCreating(false)} onSaved={(r) => { setCreating(false); setOpenId(r.id); setView('draft'); }} />}
      <RegistrationDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
