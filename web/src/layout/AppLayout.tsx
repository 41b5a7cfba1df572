/**
 * The signed-in shell: side menu on desktop (collapsed to icons on tablets), a drawer on
 * phones; header with the language switch and the user menu; the page below.
 */
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { FullPageSpinner, useCurrentUser } from '../auth/session';
import { MENU_NS, visibleNavigation } from '../navigation';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';

function useNavItems(onNavigate?: () => void) {
  const me = useCurrentUser();
  const { t } = useTranslation(MENU_NS);
  const location = useLocation();
  const entries = visibleNavigation(me);
  // The deepest entry that contains the current page wins (/reports/inbox is not also /reports).
  const matching = entries.filter((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`));
  const deepest = matching.reduce<(typeof matching)[number] | undefined>((best, e) => (!best || e.path.length > best.path.length ? e : best), undefined);
  const selected = deepest ? [deepest.key] : [];
  const items = entries.map((e) => ({
    key: e.key,
    icon: e.icon,
    label: <Link to={e.path} onClick={onNavigate}>{t(e.key)}</Link>,
  }));
  return { items, selected };
}

function NavMenu({ onNavigate, collapsed }: { onNavigate?: () => void; collapsed?: boolean }) {
  const { t } = useTranslation();
  const { items, selected } = useNavItems(onNavigate);
  return <Menu mode="inline" inlineCollapsed={collapsed} items={items} selectedKeys={selected} aria-label={t('nav.title')} style={{ borderInlineEnd: 0 }} />;
}

function Brand({ collapsed }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    // Named by its visible text; when collapsed only the emblem shows, so the label names it.
    <Link to="/" className="brand" aria-label={collapsed ? t('app.name') : undefined}>
      <span className="brand-emblem" aria-hidden="true">★</span>
      {!collapsed && (
        <span className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </span>
      )}
    </Link>
  );
}

export function AppLayout() {
  const screens = Grid.useBreakpoint();
  const { t } = useTranslation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // useBreakpoint is empty on the very first render; treat that as a phone (the smaller layout).
  const phone = !screens.md;
  const collapsed = !!screens.md && !screens.lg;
  const closeDrawer = useMemo(() => () => setDrawerOpen(false), []);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="sr-only" href="#main">{t('app.skipToContent')}</a>
      {!phone && (
        <Layout.Sider className="app-sider" width={256} collapsed={collapsed} collapsedWidth={64} theme="light">
          <div className="sider-brand"><Brand collapsed={collapsed} /></div>
          <NavMenu collapsed={collapsed} />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="app-header">
          {phone && (
            <Button type="text" icon={<MenuOutlined />} aria-label={t('nav.open')} onClick={() => setDrawerOpen(true)} />
          )}
          {phone ? <Brand /> : <span className="header-title">{t('app.fullName')}</span>}
          <span className="spacer" />
          <LanguageSwitch />
          <NotificationBell />
          <UserMenu compact={phone} />
        </Layout.Header>
        <Layout.Content id="main" className="app-content">
          <Suspense fallback={<FullPageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {phone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={closeDrawer}
          width={280}
          title={t('app.name')}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu onNavigate={closeDrawer} />
        </Drawer>
      )}
    </Layout>
  );
}
