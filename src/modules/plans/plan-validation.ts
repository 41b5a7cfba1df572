/**
 * Checks on a plan's content beyond its shape: units that exist on the plan's day, required units
 * below the issuer, tasks that belong to the plan, coherent dates. Every problem is collected with
 * the path of its field ("taskGroups.0.tasks.2.leadUnitId") and reported at once.
 */
import type { Kysely } from 'kysely';
import { formatVnDate, todayVn } from '../../core/dates';
import { ValidationError, type FieldIssue } from '../../core/errors';
import type { Database } from '../../db/schema';
import { flattenTaskInput, numberTasks, type ContentTask, type ImplementationItem, type PlanContent } from './plan-content';
import * as registry from '../documents/documents.service';
import { MAX_TASK_DEPTH, MAX_TASKS, type PlanContentInput } from './plans.contract';
import * as repo from './plans.repository';
import * as orgUnits from '../orgs/orgs.lookup';

type Db = Kysely<Database>;

/** One task as it will be written: an existing row to keep (id) or a new one, under a parent by index. */
export interface TaskToWrite {
  existingId: number | null;
  parentIndex: number | null;
  position: number;
  fields: Omit<ContentTask, 'id' | 'parentId' | 'position'>;
}

export interface ValidatedContent {
  header: Omit<PlanContent, 'tasks'>;
  tasks: TaskToWrite[];
}

export interface ValidationContext {
  issuerUnitId: number;
  /** The day on which units must exist and sit where the plan says. */
  refDate: string;
  /** Live task ids of the plan being edited (none for a new plan). */
  liveTaskIds: Set<number>;
  /** Tasks of the superior plan's issued version that child tasks may serve. */
  parentPlanTaskIds: Set<number> | null;
}

const issue = (field: string, vi: string, en: string): FieldIssue => ({ field, message: { vi, en } });

export async function validateContent(db: Db, ctx: ValidationContext, input: PlanContentInput): Promise<ValidatedContent> {
  const issues: FieldIssue[] = [];
  const flat = flattenTaskInput(input.taskGroups);
  if (flat.length > MAX_TASKS) issues.push(issue('taskGroups', `tối đa ${MAX_TASKS} nhiệm vụ trong một kế hoạch`, `at most ${MAX_TASKS} tasks in one plan`));

  // Where each unit is first mentioned, to name the field when it is wrong.
  const unitFields = new Map<number, string>();
  const mention = (unitId: number, field: string) => { if (!unitFields.has(unitId)) unitFields.set(unitId, field); };

  const seenIds = new Set<number>();
  const tasks: TaskToWrite[] = flat.map((f) => {
    const t = f.input;
    if (f.depth >= MAX_TASK_DEPTH) issues.push(issue(f.path, `nhiệm vụ lồng quá ${MAX_TASK_DEPTH} cấp`, `tasks nest deeper than ${MAX_TASK_DEPTH} levels`));
    if (t.id !== undefined) {
      if (seenIds.has(t.id)) issues.push(issue(`${f.path}.id`, `nhiệm vụ ${t.id} xuất hiện hai lần`, `task ${t.id} appears twice`));
      else if (!ctx.liveTaskIds.has(t.id)) issues.push(issue(`${f.path}.id`, `${t.id} không phải nhiệm vụ của kế hoạch này`, `${t.id} is not a task of this plan`));
      seenIds.add(t.id);
    }
    const coordinating = t.coordinatingUnitIds ?? [];
    if (new Set(coordinating).size !== coordinating.length) {
      issues.push(issue(`${f.path}.coordinatingUnitIds`, 'có đơn vị phối hợp bị lặp', 'a coordinating unit is listed twice'));
    }
    if (t.leadUnitId != null) {
      mention(t.leadUnitId, `${f.path}.leadUnitId`);
      if (coordinating.includes(t.leadUnitId)) {
        issues.push(issue(`${f.path}.coordinatingUnitIds`, 'đơn vị chủ trì không đồng thời là đơn vị phối hợp', 'the lead unit cannot also coordinate'));
      }
    }
    coordinating.forEach((u, i) => mention(u, `${f.path}.coordinatingUnitIds.${i}`));
    if (t.startOn && t.dueOn && t.startOn > t.dueOn) {
      issues.push(issue(`${f.path}.dueOn`, `thời hạn (${formatVnDate(t.dueOn)}) trước ngày bắt đầu (${formatVnDate(t.startOn)})`, `the due date (${t.dueOn}) is before the start (${t.startOn})`));
    }
    if (t.milestoneOn && (t.dueOn || t.startOn)) {
      issues.push(issue(`${f.path}.milestoneOn`, 'chọn một mốc thời gian hoặc một khoảng (bắt đầu, thời hạn), không cả hai', 'give either a milestone date or a period (start, due), not both'));
    }
    if (t.parentPlanTaskId != null && !(ctx.parentPlanTaskIds?.has(t.parentPlanTaskId) ?? false)) {
      issues.push(issue(`${f.path}.parentPlanTaskId`, `${t.parentPlanTaskId} không phải nhiệm vụ của kế hoạch cấp trên đã ban hành`, `${t.parentPlanTaskId} is not a task of the issued superior plan`));
    }
    return {
      existingId: t.id ?? null,
      parentIndex: f.parentIndex,
      position: f.position,
      fields: {
        title: t.title, description: t.description ?? null, leadUnitId: t.leadUnitId ?? null, coordinatingUnitIds: coordinating,
        startOn: t.startOn ?? null, dueOn: t.dueOn ?? null, milestoneOn: t.milestoneOn ?? null,
        expectedOutputs: t.expectedOutputs ?? null, parentPlanTaskId: t.parentPlanTaskId ?? null,
      },
    };
  });

  if (new Set(input.requiredUnitIds).size !== input.requiredUnitIds.length) {
    issues.push(issue('requiredUnitIds', 'có đơn vị bị lặp', 'a unit is listed twice'));
  }
  input.requiredUnitIds.forEach((u, i) => {
    mention(u, `requiredUnitIds.${i}`);
    if (u === ctx.issuerUnitId) issues.push(issue(`requiredUnitIds.${i}`, 'đơn vị ban hành không tự cụ thể hóa kế hoạch của mình', 'the issuing unit does not concretize its own plan'));
  });
  input.implementation.forEach((item, i) => item.unitIds.forEach((u, j) => mention(u, `implementation.${i}.unitIds.${j}`)));

  const units = [...unitFields.keys()];
  const existing = await orgUnits.unitsInForce(db, units, ctx.refDate);
  for (const u of units) {
    if (!existing.has(u)) {
      issues.push(issue(unitFields.get(u)!, `đơn vị ${u} không tồn tại vào ngày ${formatVnDate(ctx.refDate)}`, `unit ${u} does not exist on ${ctx.refDate}`));
    }
  }
  const below = await orgUnits.unitsBelow(db, ctx.issuerUnitId, input.requiredUnitIds, ctx.refDate);
  input.requiredUnitIds.forEach((u, i) => {
    if (existing.has(u) && u !== ctx.issuerUnitId && !below.has(u)) {
      issues.push(issue(`requiredUnitIds.${i}`, `đơn vị ${u} không trực thuộc đơn vị ban hành`, `unit ${u} is not below the issuing unit`));
    }
  });

  if (new Set(input.implementsDocumentIds).size !== input.implementsDocumentIds.length) {
    issues.push(issue('implementsDocumentIds', 'có văn bản bị lặp', 'a document is listed twice'));
  }
  const documents = await registry.documentSummaries(db, input.implementsDocumentIds);
  input.implementsDocumentIds.forEach((d, i) => {
    if (!documents.has(d)) issues.push(issue(`implementsDocumentIds.${i}`, `không có văn bản ${d} trong sổ văn bản`, `no document ${d} in the registry`));
  });

  if (issues.length) throw new ValidationError(issues);
  const implementation: ImplementationItem[] = input.implementation.map((i) => ({ responsible: i.responsible, unitIds: i.unitIds, duties: i.duties }));
  return {
    header: {
      title: input.title, issuingBody: input.issuingBody, year: input.year, purposes: input.purposes, requirements: input.requirements,
      implementation, implementsDocumentIds: input.implementsDocumentIds, requiredUnitIds: input.requiredUnitIds,
      concretizeDueOn: input.concretizeDueOn ?? null, place: input.place, signerCapacity: input.signerCapacity ?? null,
      signerTitle: input.signerTitle ?? null, signerName: input.signerName ?? null, recipients: input.recipients,
    },
    tasks,
  };
}

/** What an issued plan must have beyond a draft: groups, a lead for every task, a cascade deadline. */
export function checkReadyToIssue(content: PlanContent, issuedOn: string, firstIssuedOn = issuedOn): void {
  const field = 'issuedOn';
  const issues: FieldIssue[] = [];
  if (issuedOn > todayVn()) issues.push(issue(field, 'ngày ban hành không được ở tương lai', 'the issue date cannot be in the future'));
  if (issuedOn > `${content.year}-12-31`) {
    issues.push(issue(field, `kế hoạch năm ${content.year} không thể ban hành sau năm đó`, `a plan for ${content.year} cannot be issued after that year`));
  }
  if (!content.tasks.some((t) => t.parentId === null)) {
    issues.push(issue('taskGroups', 'kế hoạch cần ít nhất một nhóm nhiệm vụ', 'the plan needs at least one task group'));
  }
  for (const { task, number } of numberTasks(content.tasks)) {
    if (task.parentId !== null && task.leadUnitId === null) {
      issues.push(issue(`${taskPath(number)}.leadUnitId`, `nhiệm vụ ${number} "${task.title}" chưa có đơn vị chủ trì`, `task ${number} "${task.title}" has no lead unit`));
    }
  }
  if (content.requiredUnitIds.length > 0 && !content.concretizeDueOn) {
    issues.push(issue('concretizeDueOn', 'cần thời hạn cụ thể hóa cho các đơn vị phải xây dựng kế hoạch', 'the units that must concretize the plan need a deadline'));
  }
  // An amendment may come after the deadline; the deadline only has to follow the first issue.
  if (content.concretizeDueOn && content.concretizeDueOn < firstIssuedOn) {
    issues.push(issue('concretizeDueOn', 'thời hạn cụ thể hóa trước ngày ban hành', 'the concretization deadline is before the issue date'));
  }
  if (issues.length) throw new ValidationError(issues);
}

/** "1.2.3" → "taskGroups.0.tasks.1.tasks.2": the input path of a numbered task. */
export function taskPath(number: string): string {
  return number.split('.').map((n, i) => `${i === 0 ? 'taskGroups' : 'tasks'}.${Number(n) - 1}`).join('.');
}
