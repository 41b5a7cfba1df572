/**
 * "Sự kiện, hội nghị": conferences, reviews, anniversaries and study sessions a plan calls for,
 * by organizing subtree, kind and plan; open one for its details, documents and files.
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Grid, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EVENT_KINDS } from '../../../../src/modules/events/events.contract';
import { deleteEvent, eventFilesPath, eventFileUrl, listEvents, type MilestoneEvent } from '../../api/events';
import { canAnywhere } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { FileUploadButton } from '../../components/FileUploadButton';
import { PageTitle } from '../../components/PageTitle';
import { UnitPicker } from '../../components/units/UnitPicker';
import { errorText } from '../../forms/validation';
import { formatDate } from '../../lib/dates';
import { EventFormModal } from './EventFormModal';
import { EVENTS_NS } from './i18n';
import { useDebounced } from '../../lib/useDebounced';

const PAGE_SIZE = 30;

function EventDrawer({ event, onClose, onEdit }: { event: MilestoneEvent | null; onClose(): void; onEdit(e: MilestoneEvent): void }) {
  const { t } = useTranslation(EVENTS_NS);
  const { t: tc } = useTranslation();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['events'] });
  return (
    <Drawer open={event !== null} onClose={onClose} width={screens.md ? 620 : '100%'} title={event?.title} destroyOnHidden data-testid="event-drawer">
      {event && (
        <>
          <Descriptions size="small" column={1} items={[
            { key: 'k', label: t('fields.kind'), children: <Tag>{t(`kinds.${event.kind}`)}</Tag> },
            { key: 'd', label: t('fields.heldOn'), children: formatDate(event.heldOn) },
            { key: 'o', label: t('fields.organizer'), children: event.organizer.name },
            { key: 'v', label: t('fields.venue'), children: event.venue ?? '—' },
            { key: 'p', label: t('fields.participants'), children: `${event.participants ?? '—'}${event.participantCount !== null ? ` (${event.participantCount})` : ''}` },
            { key: 'r', label: t('fields.outcome'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{event.outcome ?? '—'}</span> },
            ...(event.plan ? [{ key: 'pl', label: t('fields.plan'), children: <Link to={`/plans/${event.plan.id}`}>{`${event.plan.number ?? ''} ${event.plan.title}`.trim()}</Link> }] : []),
            ...(event.task ? [{ key: 't', label: t('fields.task'), children: event.task.title }] : []),
            { key: 'doc', label: t('fields.documents'), children: event.documents.length ? event.documents.map((d) => `${d.number ?? ''} ${d.title}`.trim()).join('; ') : '—' },
            {
              key: 'f', label: t('fields.files'),
              children: (
                <Space size={[8, 4]} wrap>
                  {event.files.map((f) => <a key={f.id} href={eventFileUrl(event.id, f.id)}>{f.name}</a>)}
                  {event.can.edit && <FileUploadButton<MilestoneEvent> path={eventFilesPath(event.id)} label={t('actions.attach')} onUploaded={() => void refresh()} />}
                </Space>
              ),
            },
          ]} />
          {event.can.edit && (
            <Space style={{ marginTop: 12 }}>
              <Button onClick={() => onEdit(event)}>{t('actions.edit')}</Button>
              <Popconfirm title={t('actions.deleteConfirm')} okText={tc('actions.remove')} okButtonProps={{ danger: true }} cancelText={tc('actions.cancel')}
                onConfirm={async () => { await deleteEvent(event.id); await refresh(); onClose(); }}>
                <Button danger>{t('actions.delete')}</Button>
              </Popconfirm>
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}

export default function EventsPage() {
  const { t } = useTranslation(EVENTS_NS);
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const planParam = params.get('plan') ? Number(params.get('plan')) : undefined;
  const [unit, setUnit] = useState<number | undefined>();
  const [kind, setKind] = useState<MilestoneEvent['kind'] | undefined>();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const [form, setForm] = useState<{ editing: MilestoneEvent | null } | null>(null);
  const q = useDebounced(search.trim(), 300);
  useEffect(() => setPage(1), [unit, kind, q]);

  const query = { unit, kind, plan: planParam, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const list = useQuery({ queryKey: ['events', 'list', query], queryFn: ({ signal }) => listEvents(query, signal), placeholderData: keepPreviousData });
  const open = list.data?.items.find((e) => e.id === openId) ?? null;

  return (
    <>
      <PageTitle title={t('title')} extra={canAnywhere(me, 'event.manage') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })} data-testid="create-event">{t('create')}</Button>
      )} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10 }}>
          <Input allowClear prefix={<SearchOutlined className="muted" />} placeholder={t('search')} aria-label={t('search')} value={search}
            onChange={(e) => setSearch(e.target.value)} style={{ flex: '2 1 220px', minWidth: 0 }} />
          <div style={{ flex: '1 1 220px', minWidth: 0 }}><UnitPicker value={unit} onChange={setUnit} placeholder={t('unitFilter')} aria-label={t('unitFilter')} /></div>
          <Select allowClear placeholder={t('kindFilter')} value={kind} onChange={setKind} style={{ width: 190 }} aria-label={t('kindFilter')}
            options={EVENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </div>
      </Card>
      <Card size="small">
        {list.isError && <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 8 }} />}
        <Table<MilestoneEvent>
          rowKey="id" size="small" loading={list.isFetching} dataSource={list.data?.items ?? []} scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty') }} data-testid="events-table" onRow={(e) => ({ onClick: () => setOpenId(e.id), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('columns.heldOn'), dataIndex: 'heldOn', render: (d: string) => formatDate(d), width: 110 },
            { title: t('columns.title'), dataIndex: 'title', render: (title: string) => <span style={{ display: 'inline-block', maxWidth: 460, whiteSpace: 'normal' }}>{title}</span> },
            { title: t('columns.kind'), dataIndex: 'kind', render: (k: MilestoneEvent['kind']) => <Tag>{t(`kinds.${k}`)}</Tag> },
            { title: t('columns.organizer'), key: 'org', render: (_: unknown, e) => e.organizer.name },
            { title: t('columns.venue'), dataIndex: 'venue', render: (v: string | null) => v ?? '' },
            { title: t('columns.plan'), key: 'plan', render: (_: unknown, e) => e.plan?.number ?? '' },
          ]}
        />
      </Card>
      <EventDrawer event={open} onClose={() => setOpenId(null)} onEdit={(e) => setForm({ editing: e })} />
      {form && <EventFormModal editing={form.editing} planId={planParam} onClose={() => setForm(null)} onSaved={(e) => { setForm(null); setOpenId(e.id); }} />}
    </>
  );
}
