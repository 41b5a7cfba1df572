import { z } from 'zod';
import { id, isoDate, msg, nonEmpty } from '../../core/contract';

/** Free text that may be left empty: "" and null both mean "none". */
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

export const PLAN_STATUSES = ['draft', 'issued', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Limits that keep one plan a document people can read. */
export const MAX_TASK_DEPTH = 6;
export const MAX_TASKS = 500;

export interface PlanTaskInput {
  id?: number;
  title: string;
  description?: string | null;
  leadUnitId?: number | null;
  coordinatingUnitIds?: number[];
  startOn?: string | null;
  dueOn?: string | null;
  milestoneOn?: string | null;
  expectedOutputs?: string | null;
  parentPlanTaskId?: number | null;
  tasks?: PlanTaskInput[];
}

/** A task group (top level) or a task, with its subtasks at any depth. */
export const planTaskInput: z.ZodType<PlanTaskInput> = z.object({
  /** An existing task of this plan to keep (its links and progress follow it); omit for a new one. */
  id: id.optional(),
  title: nonEmpty(1000),
  description: optionalText(10_000),
  /** Đơn vị chủ trì. */
  leadUnitId: id.nullish(),
  /** Đơn vị phối hợp. */
  coordinatingUnitIds: z.array(id).max(100).optional(),
  startOn: isoDate.nullish(),
  dueOn: isoDate.nullish(),
  milestoneOn: isoDate.nullish(),
  expectedOutputs: optionalText(5000),
  /** The superior plan's task this task serves (child plans). */
  parentPlanTaskId: id.nullish(),
  get tasks() {
    return z.array(planTaskInput).max(200).optional();
  },
}).meta({ id: 'PlanTaskEdit' });

export const implementationItem = z.object({
  /** Who, as printed: "Ban Tuyên giáo Thành ủy", "Các quận ủy, huyện ủy, đảng ủy trực thuộc". */
  responsible: nonEmpty(500),
  unitIds: z.array(id).max(200).default([]),
  duties: nonEmpty(20_000),
});

export const planContentBody = z.object({
  title: nonEmpty(1000),
  /** Who issues it in the unit's name: "Ban Thường vụ Thành ủy". */
  issuingBody: nonEmpty(300),
  year: z.number().int().min(1930).max(2100),
  purposes: z.array(nonEmpty(20_000)).max(50).default([]),
  requirements: z.array(nonEmpty(20_000)).max(50).default([]),
  implementation: z.array(implementationItem).max(50).default([]),
  /** Registry documents the plan implements. */
  implementsDocumentIds: z.array(id).max(50).default([]),
  /** Units that must concretize the plan with their own, by `concretizeDueOn`. */
  requiredUnitIds: z.array(id).max(2000).default([]),
  concretizeDueOn: isoDate.nullish(),
  /** The place in the place-date line: "Hải Phòng". */
  place: nonEmpty(100),
  signerCapacity: optionalText(200),
  signerTitle: optionalText(200),
  signerName: optionalText(200),
  /** "Nơi nhận". */
  recipients: z.array(nonEmpty(500)).max(100).default([]),
  taskGroups: z.array(planTaskInput).max(50).default([]),
});
export type PlanContentInput = z.infer<typeof planContentBody>;

export const createPlanBody = planContentBody.extend({ issuerUnitId: id });
export type CreatePlanInput = z.infer<typeof createPlanBody>;

/** A Party plan number: "12-KH/TU", "49-KH/BTGTU" (spacing and case as people type them). */
export const planNumber = z.string().trim().min(1).max(60);

export const issueBody = z.object({ number: planNumber, issuedOn: isoDate });
export type IssueInput = z.infer<typeof issueBody>;

export const issueAmendmentBody = z.object({
  reason: nonEmpty(5000),
  issuedOn: isoDate,
  /** A new number when the amendment is issued as its own document. */
  number: planNumber.optional(),
});
export type IssueAmendmentInput = z.infer<typeof issueAmendmentBody>;

export const closeBody = z.object({ closedOn: isoDate, note: optionalText(5000) });
export type CloseInput = z.infer<typeof closeBody>;

export const concretizeBody = z.object({
  /** The unit that concretizes (one of the actor's units, below the plan's issuer). */
  unitId: id,
  /** The parent's tasks to start from (their groups come along); all when omitted. */
  taskIds: z.array(id).max(MAX_TASKS).optional(),
});
export type ConcretizeInput = z.infer<typeof concretizeBody>;

export const listPlansQuery = z.object({
  issuer: id.optional(),
  year: z.coerce.number<number>().int().min(1930).max(2100).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  parent: id.optional(),
  /** Plans that require this unit to concretize them. */
  requiredUnit: id.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
  offset: z.coerce.number<number>().int().min(0).max(1_000_000).default(0),
});
export type ListPlansQuery = z.infer<typeof listPlansQuery>;

export const planParams = z.object({ id });
export const taskParams = z.object({ id, taskId: id });
export const versionParams = z.object({ id, version: z.coerce.number<number>().int().min(1).max(10_000) });
export const compareQuery = z.object({
  from: z.coerce.number<number>().int().min(1).max(10_000),
  to: z.coerce.number<number>().int().min(1).max(10_000),
});
export const progressParams = z.object({ id, progressId: id });
export const exportQuery = z.object({ version: z.coerce.number<number>().int().min(1).max(10_000).optional() });
export const progressFileParams = z.object({ id, progressId: id, fileId: id });

export const progressBody = z.object({
  percent: z.number().int().min(0).max(100),
  narrative: nonEmpty(20_000),
  /** The day the progress refers to; today when omitted. */
  reportedOn: isoDate.optional(),
});
export type ProgressInput = z.infer<typeof progressBody>;

// ---- responses ----

export const unitRef = z.object({ id: z.number().int(), name: z.string() }).meta({ id: 'UnitRef' });
export type UnitRef = z.infer<typeof unitRef>;

export const progressSummary = z.object({ percent: z.number().int(), reportedOn: z.string(), narrative: z.string() });

export const planTaskView = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  depth: z.number().int(),
  /** "1", "1.2", "1.2.3" */
  number: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  leadUnit: unitRef.nullable(),
  coordinatingUnits: z.array(unitRef),
  startOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  milestoneOn: z.string().nullable(),
  expectedOutputs: z.string().nullable(),
  parentPlanTaskId: z.number().int().nullable(),
  indicatorIds: z.array(z.number().int()),
  latestProgress: progressSummary.nullable(),
  /** The actor may post progress on it (issued plan, actor at the lead unit). */
  canPostProgress: z.boolean(),
}).meta({ id: 'PlanTask' });
export type PlanTaskView = z.infer<typeof planTaskView>;

export const documentRef = z.object({
  id: z.number().int(),
  kind: z.string(),
  /** "Chỉ thị", "Kế hoạch" … */
  kindName: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  issuedOn: z.string().nullable(),
  issuerName: z.string().nullable(),
}).meta({ id: 'DocumentRef' });
export type DocumentRef = z.infer<typeof documentRef>;

export const planView = z.object({
  id: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  issuerUnit: unitRef,
  issuingBody: z.string(),
  year: z.number().int(),
  title: z.string(),
  parentPlan: z.object({ id: z.number().int(), title: z.string(), number: z.string().nullable() }).nullable(),
  documentId: z.number().int().nullable(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  /** The day the hierarchy is judged on for this plan (its issue date, or a day in its year): pick units as of it. */
  refDate: z.string(),
  currentVersion: z.number().int(),
  amendmentOpen: z.boolean(),
  /** Which content this is: the working copy (draft, open amendment) or the last issued version. */
  showing: z.enum(['working', 'issued']),
  purposes: z.array(z.string()),
  requirements: z.array(z.string()),
  implementation: z.array(z.object({ responsible: z.string(), units: z.array(unitRef), duties: z.string() })),
  implements: z.array(documentRef),
  requiredUnits: z.array(unitRef),
  concretizeDueOn: z.string().nullable(),
  place: z.string(),
  signerCapacity: z.string().nullable(),
  signerTitle: z.string().nullable(),
  signerName: z.string().nullable(),
  recipients: z.array(z.string()),
  tasks: z.array(planTaskView),
  /** Child plans the actor may see. */
  childPlans: z.array(z.object({ id: z.number().int(), unit: unitRef, status: z.enum(PLAN_STATUSES), issuedOn: z.string().nullable(), number: z.string().nullable() })),
  can: z.object({
    edit: z.boolean(),
    issue: z.boolean(),
    amend: z.boolean(),
    close: z.boolean(),
    delete: z.boolean(),
    coverage: z.boolean(),
    /** Units of the actor that may concretize this plan now (no child plan yet). */
    concretizeAs: z.array(unitRef),
  }),
}).meta({ id: 'Plan' });
export type PlanView = z.infer<typeof planView>;

export const planSummary = z.object({
  id: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  issuerUnit: unitRef,
  issuingBody: z.string(),
  year: z.number().int(),
  title: z.string(),
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  parentPlanId: z.number().int().nullable(),
  amendmentOpen: z.boolean(),
  currentVersion: z.number().int(),
  concretizeDueOn: z.string().nullable(),
  requiredUnitCount: z.number().int(),
  taskGroups: z.array(z.object({ id: z.number().int(), number: z.string(), title: z.string() })),
}).meta({ id: 'PlanSummary' });
export type PlanSummary = z.infer<typeof planSummary>;

export const planList = z.object({ total: z.number().int(), items: z.array(planSummary) });

export const planVersionSummary = z.object({
  version: z.number().int(),
  kind: z.enum(['issue', 'amendment']),
  reason: z.string().nullable(),
  issuedOn: z.string(),
  number: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const planComparison = z.object({
  from: z.number().int(),
  to: z.number().int(),
  fields: z.array(fieldChange),
  tasksAdded: z.array(z.object({ id: z.number().int(), number: z.string(), title: z.string() })),
  tasksRemoved: z.array(z.object({ id: z.number().int(), number: z.string(), title: z.string() })),
  tasksChanged: z.array(z.object({ id: z.number().int(), number: z.string(), title: z.string(), changes: z.array(fieldChange) })),
}).meta({ id: 'PlanComparison' });
export type PlanComparison = z.infer<typeof planComparison>;

export const storedFileView = z.object({
  id: z.number().int(), name: z.string(), mimeType: z.string(), sizeBytes: z.number().int(),
}).meta({ id: 'StoredFile' });

export const progressView = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  unit: unitRef,
  percent: z.number().int(),
  narrative: z.string(),
  reportedOn: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  files: z.array(storedFileView),
}).meta({ id: 'PlanProgress' });
export type ProgressView = z.infer<typeof progressView>;

export const PROGRESS_FILE_FIELD = 'files';
export const noFilesMessage = msg('cần ít nhất một tệp', 'at least one file is needed');
