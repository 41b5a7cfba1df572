import { KeyOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser, useLogout } from '../auth/session';

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  return (words.at(-1)?.[0] ?? '?').toUpperCase();
}

export function UserMenu({ compact }: { compact?: boolean }) {
  const me = useCurrentUser();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();

  const items: MenuProps['items'] = [
    { key: 'who', label: <div><strong>{me.displayName}</strong><div className="muted">{me.username}</div></div>, disabled: true, icon: <UserOutlined /> },
    { type: 'divider' },
    { key: 'password', icon: <LockOutlined />, label: t('user.changePassword') },
    { key: 'tokens', icon: <KeyOutlined />, label: t('user.apiTokens') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'password') navigate('/account/password');
    if (key === 'tokens') navigate('/account/tokens');
    if (key === 'logout') {
      await logout();
      message.success(t('user.loggedOut'));
      navigate('/login', { replace: true });
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button
        type="text" data-testid="user-menu" style={{ display: 'flex', alignItems: 'center', gap: 8, paddingInline: 4 }}
        // Named by the visible user name (what a voice user says to press it); on a phone only the
        // initials show, so the label names the menu.
        aria-label={compact ? t('user.menu') : undefined} aria-haspopup="menu" title={t('user.menu')}
      >
        <Avatar size="small" aria-hidden="true" style={{ background: '#1d4f91' }}>{initials(me.displayName)}</Avatar>
        {!compact && <span className="user-button-name">{me.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
