/**
 * Every page of the web app (paths relative to /app/). Each page is its own chunk, loaded
 * when first opened.
 *
 * To add a page:
 *  1. write `web/src/pages/<capability>/<Name>Page.tsx` with a default export (its strings in
 *     `pages/<capability>/i18n.ts` through `defineMessages`);
 *  2. append an entry to PAGES: `{ path: 'plans/:id', page: lazy(() => import('./pages/plans/PlanPage')) }`,
 *     with `allowed: (me) => canAnywhere(me, 'plan.read')` when not everyone may open it
 *     (others get a "no access" page; the server still checks every call);
 *  3. for a menu entry, append to NAVIGATION in `navigation.tsx`.
 * Append; do not reorder what is there (several branches add pages).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Me } from './api/auth';
import { canAnywhere } from './auth/permissions';

export interface PageRoute {
  /** react-router path under /app/, without a leading slash: 'orgs', 'users/:id'. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** Who may open the page; everyone signed in when absent. */
  allowed?: (me: Me) => boolean;
}

/** Where /app/ lands after signing in. */
export const INDEX_PATH = '/orgs';

export const PAGES: PageRoute[] = [
  { path: 'orgs', page: lazy(() => import('./pages/orgs/OrgsPage')) },
  { path: 'users', page: lazy(() => import('./pages/users/UsersPage')), allowed: (me) => canAnywhere(me, 'user.read') },
  { path: 'account/password', page: lazy(() => import('./pages/account/ChangePasswordPage')) },
  { path: 'account/tokens', page: lazy(() => import('./pages/account/ApiTokensPage')) },
  { path: 'documents', page: lazy(() => import('./pages/documents/DocumentsPage')) },
  { path: 'documents/extract', page: lazy(() => import('./pages/documents/CitationsPage')) },
  { path: 'documents/:id', page: lazy(() => import('./pages/documents/DocumentPage')) },
  { path: 'plans', page: lazy(() => import('./pages/plans/PlansPage')) },
  { path: 'plans/new', page: lazy(() => import('./pages/plans/PlanEditorPage')), allowed: (me) => canAnywhere(me, 'plan.draft') },
  { path: 'plans/:id', page: lazy(() => import('./pages/plans/PlanPage')) },
  { path: 'plans/:id/edit', page: lazy(() => import('./pages/plans/PlanEditorPage')), allowed: (me) => canAnywhere(me, 'plan.draft') },
  { path: 'registrations', page: lazy(() => import('./pages/registrations/RegistrationsPage')) },
  { path: 'events', page: lazy(() => import('./pages/events/EventsPage')) },
  { path: 'news', page: lazy(() => import('./pages/news/NewsListPage')), allowed: (me) => canAnywhere(me, 'news.write') },
  { path: 'news/categories', page: lazy(() => import('./pages/news/CategoriesPage')), allowed: (me) => canAnywhere(me, 'news.category.manage') },
  { path: 'news/:id', page: lazy(() => import('./pages/news/ArticleEditorPage')), allowed: (me) => canAnywhere(me, 'news.write') },
  { path: 'reports', page: lazy(() => import('./pages/reports/ReportsPage')) },
  { path: 'reports/inbox', page: lazy(() => import('./pages/reports/ReviewInboxPage')), allowed: (me) => canAnywhere(me, 'report.review') },
  { path: 'reports/consolidation', page: lazy(() => import('./pages/reports/ConsolidationPage')), allowed: (me) => canAnywhere(me, 'report.consolidation.read') || canAnywhere(me, 'report.review') },
  { path: 'reports/dashboard', page: lazy(() => import('./pages/reports/DashboardPage')), allowed: (me) => canAnywhere(me, 'report.consolidation.read') || canAnywhere(me, 'report.review') },
  { path: 'reports/forms', page: lazy(() => import('./pages/reports/FormsPage')), allowed: (me) => canAnywhere(me, 'report.form.manage') },
  { path: 'reports/schedules', page: lazy(() => import('./pages/reports/SchedulesPage')), allowed: (me) => canAnywhere(me, 'report.schedule.manage') },
  { path: 'reports/:id', page: lazy(() => import('./pages/reports/ReportPage')) },
];
