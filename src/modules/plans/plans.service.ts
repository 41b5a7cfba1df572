/**
 * Plans: listing what the actor may see, reading one, drafting (create, replace, delete).
 * Issuing, amendments and closing are in plan-lifecycle.service; cascade in plan-cascade.service.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { todayVn } from '../../core/dates';
import { ConflictError, UnauthorizedError, invalidField } from '../../core/errors';
import { fold } from '../../core/text';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import { numberTasks, type PlanContent } from './plan-content';
import * as registry from '../documents/documents.service';
import { loadPlanFor, loadReadablePlan, planScope, seesWorkingCopy } from './plan-access';
import { headerColumns, loadIssuedContent, loadWorkingContent, writeWorkingCopy } from './plan-store';
import { validateContent, type ValidatedContent } from './plan-validation';
import { planNumberText, presentPlan, summarize } from './plan-view';
import type { CreatePlanInput, ListPlansQuery, PlanContentInput, PlanSummary, PlanView } from './plans.contract';
import * as repo from './plans.repository';
import type { PlanRow } from './plans.repository';
import * as orgUnits from '../orgs/orgs.lookup';

type Db = Kysely<Database>;

/** The day on which an unissued plan is judged: today, kept inside the plan's year. */
export function draftRefDate(year: number): string {
  const today = todayVn();
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return today < start ? start : today > end ? end : today;
}

export async function listPlans(db: Db, actor: Actor | null, q: ListPlansQuery): Promise<{ total: number; items: PlanSummary[] }> {
  if (!actor) throw new UnauthorizedError();
  const { total, rows } = await repo.listPlans(db, {
    issuer: q.issuer, year: q.year, status: q.status, parent: q.parent, requiredUnit: q.requiredUnit,
    search: q.q ? fold(q.q) : undefined, limit: q.limit, offset: q.offset,
  }, planScope(actor));
  const snapshots = await repo.currentSnapshots(db, rows.map((r) => r.id));
  const documents = await registry.documentSummaries(db, rows.flatMap((r) => (r.document_id === null ? [] : [r.document_id])));
  const items: PlanSummary[] = [];
  for (const row of rows) {
    const content: PlanContent = (await seesWorkingCopy(db, actor, row)) || !snapshots.has(row.id)
      ? await loadWorkingContent(db, row)
      : JSON.parse(snapshots.get(row.id)!) as PlanContent;
    const names = await orgUnits.unitNames(db, [row.issuer_unit_id], row.ref_date);
    const number = row.document_id === null ? null : documents.get(row.document_id)?.number ?? null;
    items.push(summarize(row, content, names.get(row.issuer_unit_id) ?? `#${row.issuer_unit_id}`, number));
  }
  return { total, items };
}

export async function getPlan(db: Db, actor: Actor | null, planId: number): Promise<PlanView> {
  const plan = await loadReadablePlan(db, actor, planId);
  const working = await seesWorkingCopy(db, actor, plan);
  const content = working ? await loadWorkingContent(db, plan) : await loadIssuedContent(db, plan);
  return presentPlan(db, actor, plan, content ?? await loadWorkingContent(db, plan), working ? 'working' : 'issued');
}

/** Task ids of a plan's last issued version: what a child plan's tasks may serve. */
export async function issuedTaskIds(db: Db, planId: number | null): Promise<Set<number> | null> {
  if (planId === null) return null;
  const parent = await repo.findPlan(db, planId);
  if (!parent) return null;
  const content = await loadIssuedContent(db, parent);
  return new Set(content?.tasks.map((t) => t.id) ?? []);
}

async function requireIssuerOn(db: Db, unitId: number, day: string): Promise<void> {
  if (!(await orgUnits.unitsInForce(db, [unitId], day)).has(unitId)) {
    throw invalidField('issuerUnitId', `đơn vị ${unitId} không tồn tại trong năm của kế hoạch`, `unit ${unitId} does not exist in the plan's year`);
  }
}

/** Insert a draft with validated content; used for new plans and for concretizing a superior's plan. */
export async function insertDraft(
  db: Db, actor: Actor | null, issuerUnitId: number, parentPlanId: number | null, content: ValidatedContent, refDate: string,
): Promise<number> {
  const now = new Date().toISOString();
  const planId = await repo.insertPlan(db, {
    issuer_unit_id: issuerUnitId, status: 'draft', parent_plan_id: parentPlanId, document_id: null, issued_on: null, closed_on: null,
    ref_date: refDate, current_version: 0, amendment_open: 0, ...headerColumns(content.header), title_search: fold(content.header.title),
    created_by: actor?.kind === 'user' ? actor.userId : null, created_at: now, updated_at: now,
  });
  const plan = (await repo.findPlan(db, planId))!;
  await writeWorkingCopy(db, plan, content, now);
  return planId;
}

export async function createPlan(db: Db, actor: Actor | null, input: CreatePlanInput): Promise<PlanView> {
  const refDate = draftRefDate(input.year);
  await access.authorize(db, actor, { action: 'plan.draft', unitId: input.issuerUnitId, asOf: refDate });
  await requireIssuerOn(db, input.issuerUnitId, refDate);
  const content = await validateContent(db, { issuerUnitId: input.issuerUnitId, refDate, liveTaskIds: new Set(), parentPlanTaskIds: null }, input);
  const planId = await insertDraft(db, actor, input.issuerUnitId, null, content, refDate);
  const created = await loadWorkingContent(db, (await repo.findPlan(db, planId))!);
  await audit.record(db, actor, { entity: 'plan', entityId: planId, action: 'create', unitId: input.issuerUnitId, after: created });
  return getPlan(db, actor, planId);
}

function requireEditable(plan: PlanRow): void {
  if (plan.status === 'draft' || (plan.status === 'issued' && plan.amendment_open === 1)) return;
  if (plan.status === 'closed') {
    throw new ConflictError({ vi: 'Kế hoạch đã kết thúc, không sửa được', en: 'The plan is closed and cannot be changed' }, undefined, 'plan_closed');
  }
  throw new ConflictError({
    vi: 'Kế hoạch đã ban hành không sửa trực tiếp; hãy mở một lần sửa đổi, bổ sung',
    en: 'An issued plan is not edited directly; open an amendment first',
  }, undefined, 'plan_not_editable');
}

/** Replace the working copy of a draft (or of an open amendment) with the given content. */
export async function updatePlan(db: Db, actor: Actor | null, planId: number, input: PlanContentInput): Promise<PlanView> {
  const plan = await loadPlanFor(db, actor, planId, 'plan.draft');
  requireEditable(plan);
  if (plan.status !== 'draft' && input.year !== plan.year) {
    throw invalidField('year', 'không đổi năm của kế hoạch đã ban hành', 'the year of an issued plan cannot change');
  }
  const refDate = plan.status === 'draft' ? draftRefDate(input.year) : plan.ref_date;
  if (plan.status === 'draft') await requireIssuerOn(db, plan.issuer_unit_id, refDate);
  const live = new Set((await repo.liveTasks(db, plan.id)).map((t) => t.id));
  const content = await validateContent(db, {
    issuerUnitId: plan.issuer_unit_id, refDate, liveTaskIds: live, parentPlanTaskIds: await issuedTaskIds(db, plan.parent_plan_id),
  }, input);
  const before = await loadWorkingContent(db, plan);
  const now = new Date().toISOString();
  await repo.updatePlan(db, plan.id, { ...headerColumns(content.header), title_search: fold(content.header.title), ref_date: refDate, updated_at: now });
  await writeWorkingCopy(db, plan, content, now);
  const after = await loadWorkingContent(db, (await repo.findPlan(db, plan.id))!);
  await audit.record(db, actor, { entity: 'plan', entityId: plan.id, action: 'update', unitId: plan.issuer_unit_id, before, after });
  return getPlan(db, actor, plan.id);
}

/** Delete a draft that was never issued (nothing can point at it yet). */
export async function deletePlan(db: Db, actor: Actor | null, planId: number): Promise<void> {
  const plan = await loadPlanFor(db, actor, planId, 'plan.draft');
  if (plan.status !== 'draft') {
    throw new ConflictError({ vi: 'Chỉ xóa được kế hoạch chưa ban hành', en: 'Only a plan that was never issued can be deleted' }, undefined, 'plan_not_draft');
  }
  const before = await loadWorkingContent(db, plan);
  await repo.deletePlanRows(db, plan.id);
  await audit.record(db, actor, { entity: 'plan', entityId: plan.id, action: 'delete', unitId: plan.issuer_unit_id, before });
}

export interface LinkablePlan {
  id: number;
  issuerUnitId: number;
  status: string;
  refDate: string;
  issuedOn: string;
  year: number;
  /** Task ids of the issued version. */
  taskIds: Set<number>;
}

/**
 * An issued plan another record may point at (a registration, an event): it must exist, be
 * issued and be visible to the actor. Problems name the caller's field.
 */
export async function planForLinking(db: Db, actor: Actor | null, planId: number, field: string): Promise<LinkablePlan> {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw invalidField(field, `không có kế hoạch ${planId}`, `no plan ${planId}`);
  await loadReadablePlan(db, actor, planId);
  if (plan.status === 'draft') throw invalidField(field, 'kế hoạch chưa ban hành', 'the plan has not been issued');
  const content = await loadIssuedContent(db, plan);
  return {
    id: plan.id, issuerUnitId: plan.issuer_unit_id, status: plan.status, refDate: plan.ref_date, issuedOn: plan.issued_on!,
    year: plan.year, taskIds: new Set(content?.tasks.map((t) => t.id) ?? []),
  };
}

/** Title and number of plans, for other modules' lists (a registration names its plan). */
export async function planRefs(db: Db, planIds: number[]): Promise<Map<number, { id: number; title: string; number: string | null }>> {
  const rows = await repo.plansByIds(db, planIds);
  const numbers = await registry.documentSummaries(db, rows.flatMap((r) => (r.document_id === null ? [] : [r.document_id])));
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, number: r.document_id === null ? null : numbers.get(r.document_id)?.number ?? null }]));
}

/** Titles of tasks, for other modules (an event names the task it serves). */
export async function taskRefs(db: Db, taskIds: number[]): Promise<Map<number, { id: number; title: string }>> {
  const rows = await repo.tasksByIds(db, taskIds);
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title }]));
}

export interface IssuedTaskRef {
  planId: number;
  planTitle: string;
  planNumber: string;
  /** The task's place in the issued version ("5", "2.1"). */
  number: string;
  title: string;
}

/**
 * A task as the public may know it: it must belong to the last issued version of a plan that has
 * a registry number — a task only drafted, or removed by an amendment, is not reported on. The
 * title is the issued one, not that of an amendment being drafted.
 */
export async function issuedTaskRef(db: Db, taskId: number): Promise<IssuedTaskRef | null> {
  const planId = await repo.taskPlanId(db, taskId);
  if (planId === null) return null;
  const plan = await repo.findPlan(db, planId);
  if (!plan || plan.status === 'draft') return null;
  const planNumber = await planNumberText(db, plan);
  const content = planNumber ? await loadIssuedContent(db, plan) : null;
  const numbered = content ? numberTasks(content.tasks).find((n) => n.task.id === taskId) : undefined;
  if (!planNumber || !content || !numbered) return null;
  return { planId: plan.id, planTitle: content.title, planNumber, number: numbered.number, title: numbered.task.title };
}
