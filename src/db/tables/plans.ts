import type { Generated } from 'kysely';

/**
 * A plan issued by a unit. While a draft (or while an amendment is open) the rows below are
 * the working copy; each issue or amendment freezes the content into `plan_versions`.
 */
export interface PlansTable {
  id: Generated<number>;
  issuer_unit_id: number;
  /** Who issues it in the unit's name, as printed: "Ban Thường vụ Thành ủy". */
  issuing_body: string;
  year: number;
  /** draft | issued | closed */
  status: string;
  /** The superior plan this one concretizes. */
  parent_plan_id: number | null;
  /** The plan's own registry document, created when it is issued. */
  document_id: number | null;
  issued_on: string | null;
  closed_on: string | null;
  /** The day on which the hierarchy is judged for this plan (issue date, or a day in its year). */
  ref_date: string;
  /** Last issued version (0 = never issued). */
  current_version: number;
  amendment_open: number;
  title: string;
  title_search: string;
  /** JSON array of strings. */
  purposes_json: string;
  /** JSON array of strings. */
  requirements_json: string;
  /** JSON array of {responsible, unitIds, duties}. */
  implementation_json: string;
  /** JSON array of strings ("Nơi nhận"). */
  recipients_json: string;
  /** By when the required units must issue their own plans. */
  concretize_due_on: string | null;
  place: string;
  /** "T/M BAN THƯỜNG VỤ" */
  signer_capacity: string | null;
  /** "PHÓ BÍ THƯ THƯỜNG TRỰC" */
  signer_title: string | null;
  signer_name: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** Registry documents a plan implements (in the order given). */
export interface PlanDocumentsTable {
  plan_id: number;
  document_id: number;
  position: number;
}

/** Units the issued version assigns work to; they may read the plan wherever they sit. */
export interface PlanAssignedUnitsTable {
  plan_id: number;
  unit_id: number;
}

/** Units that must concretize the plan with their own plan by `concretize_due_on`. */
export interface PlanRequiredUnitsTable {
  plan_id: number;
  unit_id: number;
}

/** A task group (parent_id null) or a task under a group or another task. */
export interface PlanTasksTable {
  id: Generated<number>;
  plan_id: number;
  parent_id: number | null;
  position: number;
  title: string;
  description: string | null;
  /** Chủ trì. */
  lead_unit_id: number | null;
  start_on: string | null;
  due_on: string | null;
  milestone_on: string | null;
  expected_outputs: string | null;
  /** The superior plan's task this task serves (child plans only). */
  parent_plan_task_id: number | null;
  /** The version that first contained the task (0 while never issued). */
  introduced_version: number;
  /** Set when an amendment removed an issued task; the row stays for links and history. */
  removed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Phối hợp: coordinating units of a task. */
export interface PlanTaskUnitsTable {
  task_id: number;
  unit_id: number;
  position: number;
}

/** Reporting indicators that measure a task (ids of the reporting module's indicators). */
export interface PlanTaskIndicatorsTable {
  task_id: number;
  indicator_id: number;
  created_at: string;
}

/** The content of each issued version, frozen as JSON; listed and compared, never changed. */
export interface PlanVersionsTable {
  id: Generated<number>;
  plan_id: number;
  version: number;
  /** issue | amendment */
  kind: string;
  reason: string | null;
  document_id: number | null;
  issued_on: string;
  snapshot_json: string;
  created_by: number | null;
  created_at: string;
}

/** Progress posted by a task's lead unit. */
export interface PlanTaskProgressTable {
  id: Generated<number>;
  plan_id: number;
  task_id: number;
  unit_id: number;
  percent: number;
  narrative: string;
  reported_on: string;
  created_by: number | null;
  created_at: string;
}

export interface PlanProgressFilesTable {
  progress_id: number;
  file_id: number;
}
