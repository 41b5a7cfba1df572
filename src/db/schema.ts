/** The whole database as Kysely sees it: one table file per capability under ./tables. */
import type { AuditHeadTable, AuditLogTable } from './tables/audit';
import type { DocumentFilesTable, DocumentLinksTable, DocumentsTable } from './tables/documents';
import type { FilesTable } from './tables/files';
import type {
  NewsArticleFilesTable, NewsArticleLinksTable, NewsArticlesTable, NewsArticleVersionsTable, NewsCategoriesTable,
} from './tables/news';
import type { ApiTokensTable, GrantsTable, MetaTable, SessionsTable, UsersTable } from './tables/auth';
import type {
  OrgClosureTable, OrgEventsTable, OrgHierarchiesTable, OrgKindsTable, OrgLineageTable, OrgLinksTable,
  OrgUnitsTable, OrgUnitVersionsTable,
} from './tables/orgs';
import type {
  PlanAssignedUnitsTable, PlanDocumentsTable, PlanProgressFilesTable, PlanRequiredUnitsTable, PlansTable, PlanTaskIndicatorsTable,
  PlanTaskProgressTable, PlanTasksTable, PlanTaskUnitsTable, PlanVersionsTable,
} from './tables/plans';
import type { RegistrationEntriesTable, RegistrationEntryFilesTable, RegistrationsTable } from './tables/registrations';
import type { MilestoneEventDocumentsTable, MilestoneEventFilesTable, MilestoneEventsTable } from './tables/milestone-events';
import type {
  NotificationsTable, ReminderJobsTable, ReportEventsTable, ReportFormVersionsTable, ReportFormsTable, ReportHighlightsTable,
  ReportRollupsTable, ReportSchedulesTable, ReportValuesTable, ReportVersionsTable, ReportsTable, ReportIndicatorRefsTable,
} from './tables/reporting';

export interface Database {
  meta: MetaTable;
  org_hierarchies: OrgHierarchiesTable;
  org_kinds: OrgKindsTable;
  org_units: OrgUnitsTable;
  org_unit_versions: OrgUnitVersionsTable;
  org_links: OrgLinksTable;
  org_closure: OrgClosureTable;
  org_events: OrgEventsTable;
  org_lineage: OrgLineageTable;
  users: UsersTable;
  sessions: SessionsTable;
  grants: GrantsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  files: FilesTable;
  documents: DocumentsTable;
  document_links: DocumentLinksTable;
  document_files: DocumentFilesTable;
  plans: PlansTable;
  plan_documents: PlanDocumentsTable;
  plan_assigned_units: PlanAssignedUnitsTable;
  plan_required_units: PlanRequiredUnitsTable;
  plan_tasks: PlanTasksTable;
  plan_task_units: PlanTaskUnitsTable;
  plan_task_indicators: PlanTaskIndicatorsTable;
  plan_versions: PlanVersionsTable;
  plan_task_progress: PlanTaskProgressTable;
  plan_progress_files: PlanProgressFilesTable;
  registrations: RegistrationsTable;
  registration_entries: RegistrationEntriesTable;
  registration_entry_files: RegistrationEntryFilesTable;
  milestone_events: MilestoneEventsTable;
  milestone_event_documents: MilestoneEventDocumentsTable;
  milestone_event_files: MilestoneEventFilesTable;
  news_categories: NewsCategoriesTable;
  news_articles: NewsArticlesTable;
  news_article_versions: NewsArticleVersionsTable;
  news_article_links: NewsArticleLinksTable;
  news_article_files: NewsArticleFilesTable;
  report_forms: ReportFormsTable;
  report_form_versions: ReportFormVersionsTable;
  report_schedules: ReportSchedulesTable;
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  report_events: ReportEventsTable;
  report_values: ReportValuesTable;
  report_rollups: ReportRollupsTable;
  report_highlights: ReportHighlightsTable;
  notifications: NotificationsTable;
  reminder_jobs: ReminderJobsTable;
  report_indicator_refs: ReportIndicatorRefsTable;
}
