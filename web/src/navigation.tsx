/**
 * The main menu (side menu on desktop, drawer on phones), in display order.
 *
 * To add an entry, append `{ key, path, icon, label: { vi, en }, visible? }`: `path` is a page
 * path from routes.tsx with a leading slash; `visible` hides it from people who could not use
 * it (e.g. `(me) => canAnywhere(me, 'report.review')`). Labels are registered with i18n under
 * the `menu` namespace, so the two languages live together here. Append; do not reorder.
 */
import { ApartmentOutlined, FileTextOutlined, TeamOutlined } from '@ant-design/icons';
import { CalendarOutlined, FlagOutlined, ScheduleOutlined } from '@ant-design/icons';
import { ReadOutlined } from '@ant-design/icons';
import { AuditOutlined, BarChartOutlined, FormOutlined, InboxOutlined, ProfileOutlined, ReconciliationOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me } from './api/auth';
import { canAnywhere } from './auth/permissions';
import { defineMessages } from './i18n';

export interface NavEntry {
  key: string;
  path: string;
  icon: ReactNode;
  label: { vi: string; en: string };
  visible?: (me: Me) => boolean;
}

export const NAVIGATION: NavEntry[] = [
  {
    key: 'orgs', path: '/orgs', icon: <ApartmentOutlined />,
    label: { vi: 'Cơ cấu tổ chức', en: 'Organization structure' },
  },
  {
    key: 'users', path: '/users', icon: <TeamOutlined />,
    label: { vi: 'Người dùng và phân quyền', en: 'Users and permissions' },
    visible: (me) => canAnywhere(me, 'user.read'),
  },
  {
    key: 'documents', path: '/documents', icon: <FileTextOutlined />,
    label: { vi: 'Sổ văn bản', en: 'Document registry' },
  },
  {
    key: 'plans', path: '/plans', icon: <ScheduleOutlined />,
    label: { vi: 'Kế hoạch', en: 'Plans' },
  },
  {
    key: 'registrations', path: '/registrations', icon: <FlagOutlined />,
    label: { vi: 'Đăng ký vấn đề', en: 'Focus-issue registrations' },
  },
  {
    key: 'events', path: '/events', icon: <CalendarOutlined />,
    label: { vi: 'Sự kiện, hội nghị', en: 'Events and conferences' },
  },
  {
    key: 'news', path: '/news', icon: <ReadOutlined />,
    label: { vi: 'Tin bài', en: 'News' },
    visible: (me) => canAnywhere(me, 'news.write'),
  },
  {
    key: 'reports', path: '/reports', icon: <ProfileOutlined />,
    label: { vi: 'Báo cáo định kỳ', en: 'Periodic reports' },
  },
  {
    key: 'review-inbox', path: '/reports/inbox', icon: <InboxOutlined />,
    label: { vi: 'Báo cáo cần xem xét', en: 'Reports to review' },
    visible: (me) => canAnywhere(me, 'report.review'),
  },
  {
    key: 'consolidation', path: '/reports/consolidation', icon: <AuditOutlined />,
    label: { vi: 'Tổng hợp báo cáo', en: 'Consolidation' },
    visible: (me) => canAnywhere(me, 'report.consolidation.read') || canAnywhere(me, 'report.review'),
  },
  {
    key: 'report-dashboard', path: '/reports/dashboard', icon: <BarChartOutlined />,
    label: { vi: 'Bảng điều khiển', en: 'Dashboard' },
    visible: (me) => canAnywhere(me, 'report.consolidation.read') || canAnywhere(me, 'report.review'),
  },
  {
    key: 'report-forms', path: '/reports/forms', icon: <FormOutlined />,
    label: { vi: 'Biểu mẫu báo cáo', en: 'Report forms' },
    visible: (me) => canAnywhere(me, 'report.form.manage'),
  },
  {
    key: 'report-schedules', path: '/reports/schedules', icon: <ReconciliationOutlined />,
    label: { vi: 'Lịch báo cáo', en: 'Reporting schedules' },
    visible: (me) => canAnywhere(me, 'report.schedule.manage'),
  },
];

export const MENU_NS = defineMessages('menu', {
  vi: Object.fromEntries(NAVIGATION.map((e) => [e.key, e.label.vi])) as Record<string, string>,
  en: Object.fromEntries(NAVIGATION.map((e) => [e.key, e.label.en])),
});

export function visibleNavigation(me: Me): NavEntry[] {
  return NAVIGATION.filter((entry) => !entry.visible || entry.visible(me));
}
