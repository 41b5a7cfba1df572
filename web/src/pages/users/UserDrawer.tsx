/** One account: details, roles, password and status. Read-only for those who may only look. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Divider, Drawer, Grid, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { UnitName } from '../../components/units/UnitName';
import { getUser } from '../../api/users';
import { canOnUnit } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { useUnitAncestors } from '../../components/units/useUnitAncestors';
import { errorText } from '../../forms/validation';
import { formatInstant } from '../../lib/dates';
import { GrantsEditor } from './GrantsEditor';
import { USERS_NS } from './i18n';
import { userKey } from './keys';
import { UserAccountForm } from './UserAccountForm';
import { UserSecurity } from './UserSecurity';

export function UserDrawer({ userId, onClose }: { userId: number | null; onClose(): void }) {
  const { t } = useTranslation(USERS_NS);
  const { t: tc } = useTranslation();
  const screens = Grid.useBreakpoint();
  const me = useCurrentUser();
  const user = useQuery({ queryKey: userKey(userId ?? 0), queryFn: () => getUser(userId!), enabled: userId !== null });
  const data = user.data;
  const ancestors = useUnitAncestors(data?.unitId ?? null);
  const mayManage = !!data && !!ancestors && canOnUnit(me, 'user.manage', data.unitId, ancestors);

  return (
    <Drawer
      open={userId !== null}
      onClose={onClose}
      width={screens.md ? 600 : '100%'}
      title={data ? data.displayName : ''}
      destroyOnHidden
      data-testid="user-drawer"
    >
      {user.isPending && <Skeleton active />}
      {user.isError && <Alert type="error" showIcon message={errorText(user.error)} />}
      {data && (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'u', label: t('fields.username'), children: <span className="mono">{data.username}</span> },
              { key: 'unit', label: t('fields.unit'), children: data.unitName ?? <UnitName unitId={data.unitId} /> },
              {
                key: 's', label: t('columns.status'),
                children: (
                  <Space size={4}>
                    <Tag color={data.isActive ? 'green' : 'default'}>{data.isActive ? tc('status.active') : tc('status.inactive')}</Tag>
                    {data.locked && <Tag color="orange">{tc('status.locked')}</Tag>}
                  </Space>
                ),
              },
              { key: 'c', label: t('fields.id'), children: <span className="muted">#{data.id} · {formatInstant(data.createdAt)}</span> },
            ]}
          />
          {!mayManage && ancestors && <Alert type="info" showIcon message={t('drawer.readOnly')} style={{ marginTop: 8 }} />}
          <Divider orientation="left" orientationMargin={0}>{t('drawer.grants')}</Divider>
          <GrantsEditor user={data} editable={mayManage} />
          {mayManage && (
            <>
              <Divider orientation="left" orientationMargin={0}>{t('drawer.account')}</Divider>
              <UserAccountForm user={data} />
              <Divider orientation="left" orientationMargin={0}>{t('drawer.security')}</Divider>
              <UserSecurity user={data} isSelf={data.id === me.id} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
