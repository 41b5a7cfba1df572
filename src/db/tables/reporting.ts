import type { Generated } from 'kysely';

/** A report form; its content lives in versions, and a report keeps the version it was filled in. */
export interface ReportFormsTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: string | null;
  owner_unit_id: number;
  current_version: number;
  name_search: string;
  created_at: string;
  updated_at: string;
}

/** An immutable form version: indicators, sections and rules as JSON (core/report-form FormDefinition). */
export interface ReportFormVersionsTable {
  id: Generated<number>;
  form_id: number;
  version: number;
  definition_json: string;
  note: string | null;
  created_at: string;
  created_by: number | null;
}

/** Who reports what, when and to whom: a form attached to a plan, for a subtree's units. */
export interface ReportSchedulesTable {
  id: Generated<number>;
  form_id: number;
  plan_id: number | null;
  name: string;
  hierarchy: string;
  /** The consolidating unit: reports come from its subtree and roll up to it. */
  unit_id: number;
  /** A department that receives the top-level reports for the unit (e.g. Ban Tuyên giáo). */
  recipient_unit_id: number | null;
  period_type: string;
  cutoff: string;
  due_offset_days: number;
  first_period: string;
  last_period: string | null;
  /** { kinds: string[], maxDepth: number|null, includeUnitIds: number[], excludeUnitIds: number[] } */
  scope_json: string;
  /** Days before the deadline when reminders go out, e.g. [7,3,1]. */
  reminder_days_json: string;
  active: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** One unit's report for one period of a schedule: draft → submitted → accepted | returned → … */
export interface ReportsTable {
  id: Generated<number>;
  schedule_id: number;
  period_key: string;
  unit_id: number;
  form_version_id: number;
  /** The unit that reviews it (its nearest reporting superior, or the schedule's recipient). */
  reviewer_unit_id: number | null;
  status: string;
  /** Optimistic concurrency: every change increments it; a save must name the version it started from. */
  version: number;
  values_json: string;
  narrative_json: string;
  due_date: string;
  first_submitted_at: string | null;
  submitted_at: string | null;
  decided_at: string | null;
  last_comment: string | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A submitted version: an immutable snapshot of what was sent up. */
export interface ReportVersionsTable {
  id: Generated<number>;
  report_id: number;
  seq: number;
  form_version_id: number;
  values_json: string;
  /** Record-sourced figures: the records behind each number. */
  sources_json: string;
  narrative_json: string;
  /** The aggregate of accepted subordinates' reports when it was submitted. */
  aggregate_json: string;
  /** Soft-rule warnings at submission. */
  warnings_json: string;
  submitted_at: string;
  submitted_by: number | null;
  submitted_by_name: string | null;
}

export interface ReportEventsTable {
  id: Generated<number>;
  report_id: number;
  /** created, submitted, returned, accepted, imported */
  action: string;
  version_seq: number | null;
  comment: string | null;
  actor_user_id: number | null;
  actor_name: string | null;
  at: string;
}

/** Figures of accepted reports (own values), the source of rollups and peer comparisons. */
export interface ReportValuesTable {
  report_id: number;
  indicator: string;
  schedule_id: number;
  period_key: string;
  unit_id: number;
  /** The day whose tree places the unit (the period's last day, or the unit's last day if earlier). */
  tree_date: string;
  value: number;
  weight: number | null;
}

/** Precomputed rollup of one indicator over a unit's subtree as structured at the period's end. */
export interface ReportRollupsTable {
  schedule_id: number;
  period_key: string;
  unit_id: number;
  indicator: string;
  n: number;
  total: number;
  wsum: number;
  wtotal: number;
  lowest: number | null;
  highest: number | null;
}

/** A paragraph (or whole section, paragraph -1) of a report that its reviewer marked as a highlight. */
export interface ReportHighlightsTable {
  id: Generated<number>;
  report_id: number;
  section_code: string;
  paragraph: number;
  note: string | null;
  marked_by: number | null;
  marked_by_unit_id: number | null;
  created_at: string;
}

/** In-app notification; e-mail delivery state beside it (none, pending, sending, sent, not_sent, failed). */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  unit_id: number | null;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
  email_to: string | null;
  email_status: string;
  email_attempts: number;
  email_locked_at: string | null;
  email_error: string | null;
  emailed_at: string | null;
}

/** Persisted reminder jobs: claimed once, done once (dedupe_key makes enqueueing idempotent). */
export interface ReminderJobsTable {
  id: Generated<number>;
  kind: string;
  payload_json: string;
  dedupe_key: string;
  run_at: string;
  /** pending, running, done, skipped, failed */
  status: string;
  attempts: number;
  locked_at: string | null;
  locked_by: string | null;
  done_at: string | null;
  outcome: string | null;
  created_at: string;
}

/** A stable id for an indicator of a form (its code), for records outside reporting that point at it. */
export interface ReportIndicatorRefsTable {
  id: Generated<number>;
  form_id: number;
  code: string;
  created_at: string;
}
