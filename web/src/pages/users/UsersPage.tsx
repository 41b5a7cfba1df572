/**
 * "Người dùng và phân quyền": find accounts in the units one may see, create them, and open one
 * to edit it, grant or revoke roles, reset its password, disable or enable it.
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitName } from '../../components/units/UnitName';
import { compareVi } from '../../../../src/core/text';
import { listUsers, type User } from '../../api/users';
import { canAnywhere } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { PageTitle } from '../../components/PageTitle';
import { UnitPicker } from '../../components/units/UnitPicker';
import { errorText } from '../../forms/validation';
import { CreateUserModal } from './CreateUserModal';
import { USERS_NS } from './i18n';
import { usersKey } from './keys';
import { UserDrawer } from './UserDrawer';
import { useDebounced } from '../../lib/useDebounced';

const PAGE_SIZE = 50;

export default function UsersPage() {
  const { t } = useTranslation(USERS_NS);
  const { t: tc } = useTranslation();
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const [unit, setUnit] = useState<number | undefined>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [page, setPage] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const q = useDebounced(search.trim(), 300);

  useEffect(() => setPage(0), [q, unit, includeInactive]);

  const query = { q: q || undefined, unit, includeInactive, limit: PAGE_SIZE + 1, offset: page * PAGE_SIZE };
  const users = useQuery({
    queryKey: [...usersKey, query],
    queryFn: ({ signal }) => listUsers(query, signal),
    placeholderData: keepPreviousData,
  });
  const rows = (users.data ?? []).slice(0, PAGE_SIZE);
  const hasNext = (users.data?.length ?? 0) > PAGE_SIZE;
  const mayManage = canAnywhere(me, 'user.manage');

  return (
    <>
      <PageTitle
        title={t('title')}
        extra={mayManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">{t('create')}</Button>}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10, alignItems: 'center' }}>
          <Input
            allowClear
            prefix={<SearchOutlined className="muted" />}
            placeholder={t('search')}
            aria-label={t('search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ flex: '2 1 240px', minWidth: 0 }}
            data-testid="user-search"
          />
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            <UnitPicker value={unit} onChange={setUnit} placeholder={t('unitFilter')} aria-label={t('unitFilter')} />
          </div>
          <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Switch size="small" checked={includeInactive} onChange={setIncludeInactive} />
            <span>{t('includeInactive')}</span>
          </label>
        </div>
      </Card>
      <Card size="small">
        {users.isError && <Alert type="error" showIcon message={errorText(users.error)} style={{ marginBottom: 8 }} />}
        <Table<User>
          rowKey="id"
          size="small"
          loading={users.isFetching}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty') }}
          onRow={(user) => ({ onClick: () => setOpenId(user.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('columns.displayName'), dataIndex: 'displayName', key: 'displayName',
              sorter: (a, b) => compareVi(a.displayName, b.displayName), defaultSortOrder: 'ascend',
              render: (name: string, user) => (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={(e) => { e.stopPropagation(); setOpenId(user.id); }}>{name}</Button>
              ),
            },
            { title: t('columns.username'), dataIndex: 'username', render: (u: string) => <span className="mono">{u}</span> },
            {
              title: t('columns.unit'), dataIndex: 'unitName',
              sorter: (a, b) => compareVi(a.unitName ?? '', b.unitName ?? ''),
              render: (name: string | null, user) => name ?? <UnitName unitId={user.unitId} />,
            },
            {
              title: t('columns.grants'), key: 'grants',
              render: (_: unknown, user) => (
                <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>
                  {user.grants.map((g) => <Tag key={g.id} color="blue">{tc(`roles.${g.role}`)} · <UnitName unitId={g.unitId} hierarchy={g.hierarchy} /></Tag>)}
                </Space>
              ),
            },
            {
              title: t('columns.status'), key: 'status',
              render: (_: unknown, user) => (
                <Space size={4}>
                  <Tag color={user.isActive ? 'green' : 'default'}>{user.isActive ? tc('status.active') : tc('status.inactive')}</Tag>
                  {user.locked && <Tag color="orange">{tc('status.locked')}</Tag>}
                </Space>
              ),
            },
          ]}
        />
        {(page > 0 || hasNext) && (
          <div style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 8, marginTop: 8 }}>
            <Button size="small" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>{tc('actions.previous')}</Button>
            <span className="muted">{t('page', { page: page + 1 })}</span>
            <Button size="small" disabled={!hasNext} onClick={() => setPage((p) => p + 1)}>{tc('actions.next')}</Button>
          </div>
        )}
      </Card>
      {creating && <CreateUserModal onClose={() => setCreating(false)} onCreated={(user) => { setCreating(false); setOpenId(user.id); }} />}
      <UserDrawer userId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
