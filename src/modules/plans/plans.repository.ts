/** SQL for plans: the plan row, its working copy (tasks, units, documents) and its frozen versions. */
import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import { forUpdate } from '../../db/dialect';
import type { Database } from '../../db/schema';
import type { PlansTable, PlanTasksTable } from '../../db/tables/plans';

type Db = Kysely<Database>;

/** A condition on rows about a unit, judged on a date column: built by the service from the policy. */
export type UnitScope = (unitColumn: string, dateColumn: string) => (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

/** Who sees which plans: issued ones along the line or when assigned work; unissued ones at the unit only. */
export interface PlanScope {
  read: UnitScope;
  assigned: UnitScope;
  drafts: UnitScope;
}

export function planVisible(scope: PlanScope) {
  return (eb: ExpressionBuilder<any, any>) => eb.or([
    eb.and([
      eb('p.status', '!=', 'draft'),
      eb.or([
        scope.read('p.issuer_unit_id', 'p.ref_date')(eb),
        eb.exists(eb.selectFrom('plan_assigned_units as pa').select('pa.unit_id')
          .whereRef('pa.plan_id', '=', 'p.id').where(scope.assigned('pa.unit_id', 'p.ref_date'))),
      ]),
    ]),
    scope.drafts('p.issuer_unit_id', 'p.ref_date')(eb),
  ]);
}

export type PlanRow = Awaited<ReturnType<typeof findPlan>> & object;

export async function findPlan(db: Db, id: number) {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The plan row locked for a read-modify-write (PostgreSQL; SQLite has one writer). */
export async function lockPlan(db: Db, id: number) {
  return forUpdate(db, db.selectFrom('plans').selectAll().where('id', '=', id)).executeTakeFirst();
}

export async function plansByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('plans').select(['id', 'title', 'document_id']).where('id', 'in', [...new Set(ids)]).execute();
}

export async function tasksByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('plan_tasks').select(['id', 'title']).where('id', 'in', [...new Set(ids)]).execute();
}

export async function isPlanVisible(db: Db, id: number, scope: PlanScope): Promise<boolean> {
  const row = await db.selectFrom('plans as p').select('p.id').where('p.id', '=', id).where(planVisible(scope)).executeTakeFirst();
  return row !== undefined;
}

/** Of the given plans, those the scope lets the actor see (one query for a plan's children). */
export async function visiblePlanIds(db: Db, ids: number[], scope: PlanScope): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('plans as p').select('p.id').where('p.id', 'in', ids).where(planVisible(scope)).execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertPlan(db: Db, row: Insertable<PlansTable>): Promise<number> {
  return (await db.insertInto('plans').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updatePlan(db: Db, id: number, patch: Updateable<PlansTable>): Promise<void> {
  await db.updateTable('plans').set(patch).where('id', '=', id).execute();
}

export interface PlanFilter {
  issuer?: number;
  year?: number;
  status?: string;
  parent?: number;
  requiredUnit?: number;
  search?: string;
  limit: number;
  offset: number;
}

export async function listPlans(db: Db, f: PlanFilter, scope: PlanScope) {
  let query = db.selectFrom('plans as p').where(planVisible(scope));
  if (f.issuer !== undefined) query = query.where('p.issuer_unit_id', '=', f.issuer);
  if (f.year !== undefined) query = query.where('p.year', '=', f.year);
  if (f.status !== undefined) query = query.where('p.status', '=', f.status);
  if (f.parent !== undefined) query = query.where('p.parent_plan_id', '=', f.parent);
  if (f.requiredUnit !== undefined) {
    const unit = f.requiredUnit;
    query = query.where((eb) => eb.exists(eb.selectFrom('plan_required_units as r').select('r.unit_id')
      .whereRef('r.plan_id', '=', 'p.id').where('r.unit_id', '=', unit)));
  }
  if (f.search) {
    const pattern = `%${f.search}%`;
    query = query.where((eb) => eb.or([
      eb('p.title_search', 'like', pattern),
      // An issued plan's number ("12-KH/TU") lives in the registry entry issuing created for it.
      eb('p.document_id', 'in', eb.selectFrom('documents as d').select('d.id').where('d.search_text', 'like', pattern)),
    ]));
  }
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('p')
    // Newest year first; within it a cascade reads top-down: the plans that started it, then the rest.
    .orderBy('p.year', 'desc').orderBy(sql`case when p.parent_plan_id is null then 0 else 1 end`)
    // Drafts (no issue date) before issued plans on both databases (they sort nulls differently).
    .orderBy(sql`case when p.issued_on is null then 0 else 1 end`).orderBy('p.issued_on', 'desc').orderBy('p.id', 'desc')
    .limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), rows };
}

export async function deletePlanRows(db: Db, planId: number): Promise<void> {
  const taskIds = db.selectFrom('plan_tasks').select('id').where('plan_id', '=', planId);
  await db.deleteFrom('plan_task_units').where('task_id', 'in', taskIds).execute();
  await db.deleteFrom('plan_task_indicators').where('task_id', 'in', taskIds).execute();
  await db.updateTable('plan_tasks').set({ parent_id: null }).where('plan_id', '=', planId).execute();
  await db.deleteFrom('plan_tasks').where('plan_id', '=', planId).execute();
  await db.deleteFrom('plan_required_units').where('plan_id', '=', planId).execute();
  await db.deleteFrom('plan_documents').where('plan_id', '=', planId).execute();
  await db.deleteFrom('plan_assigned_units').where('plan_id', '=', planId).execute();
  await db.deleteFrom('plans').where('id', '=', planId).execute();
}

// ---- the working copy ----

export async function liveTasks(db: Db, planId: number) {
  return db.selectFrom('plan_tasks').selectAll().where('plan_id', '=', planId).where('removed_at', 'is', null)
    .orderBy('parent_id').orderBy('position').orderBy('id').execute();
}

/** Every task row of the plan, removed ones included (ids an amendment may not reuse as new). */
export async function allTaskIds(db: Db, planId: number): Promise<Array<{ id: number; removed: boolean; introduced: number }>> {
  const rows = await db.selectFrom('plan_tasks').select(['id', 'removed_at', 'introduced_version']).where('plan_id', '=', planId).execute();
  return rows.map((r) => ({ id: r.id, removed: r.removed_at !== null, introduced: r.introduced_version }));
}

export async function coordinatingUnits(db: Db, taskIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (taskIds.length === 0) return out;
  const rows = await db.selectFrom('plan_task_units').select(['task_id', 'unit_id']).where('task_id', 'in', taskIds)
    .orderBy('task_id').orderBy('position').execute();
  for (const r of rows) out.set(r.task_id, [...(out.get(r.task_id) ?? []), r.unit_id]);
  return out;
}

export async function indicatorIds(db: Db, taskIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (taskIds.length === 0) return out;
  const rows = await db.selectFrom('plan_task_indicators').select(['task_id', 'indicator_id']).where('task_id', 'in', taskIds)
    .orderBy('task_id').orderBy('indicator_id').execute();
  for (const r of rows) out.set(r.task_id, [...(out.get(r.task_id) ?? []), r.indicator_id]);
  return out;
}

export async function taskPlanId(db: Db, taskId: number): Promise<number | null> {
  const row = await db.selectFrom('plan_tasks').select('plan_id').where('id', '=', taskId).executeTakeFirst();
  return row?.plan_id ?? null;
}

export async function setTaskIndicators(db: Db, taskId: number, indicatorIds: number[], now: string): Promise<void> {
  await db.deleteFrom('plan_task_indicators').where('task_id', '=', taskId).execute();
  const unique = [...new Set(indicatorIds)];
  if (unique.length) {
    await db.insertInto('plan_task_indicators').values(unique.map((indicator_id) => ({ task_id: taskId, indicator_id, created_at: now }))).execute();
  }
}

export async function tasksForIndicator(db: Db, indicatorId: number): Promise<Array<{ taskId: number; planId: number }>> {
  return db.selectFrom('plan_task_indicators as i').innerJoin('plan_tasks as t', 't.id', 'i.task_id')
    .select(['t.id as taskId', 't.plan_id as planId']).where('i.indicator_id', '=', indicatorId).orderBy('t.id').execute();
}

export async function insertTask(db: Db, row: Insertable<PlanTasksTable>): Promise<number> {
  return (await db.insertInto('plan_tasks').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateTask(db: Db, id: number, patch: Updateable<PlanTasksTable>): Promise<void> {
  await db.updateTable('plan_tasks').set(patch).where('id', '=', id).execute();
}

export async function setCoordinatingUnits(db: Db, taskId: number, unitIds: number[]): Promise<void> {
  await db.deleteFrom('plan_task_units').where('task_id', '=', taskId).execute();
  if (unitIds.length) {
    await db.insertInto('plan_task_units').values(unitIds.map((unit_id, position) => ({ task_id: taskId, unit_id, position }))).execute();
  }
}

/** Take issued tasks out of the working copy; the rows stay for links and history. */
export async function markTasksRemoved(db: Db, taskIds: number[], at: string): Promise<void> {
  if (taskIds.length === 0) return;
  await db.updateTable('plan_tasks').set({ removed_at: at, parent_id: null, updated_at: at }).where('id', 'in', taskIds).execute();
}

/** Delete tasks that were never issued (nothing can point at them). */
export async function deleteTasks(db: Db, taskIds: number[]): Promise<void> {
  if (taskIds.length === 0) return;
  await db.deleteFrom('plan_task_units').where('task_id', 'in', taskIds).execute();
  await db.deleteFrom('plan_task_indicators').where('task_id', 'in', taskIds).execute();
  await db.updateTable('plan_tasks').set({ parent_id: null }).where('id', 'in', taskIds).execute();
  await db.deleteFrom('plan_tasks').where('id', 'in', taskIds).execute();
}

export async function markTasksIssued(db: Db, planId: number, version: number): Promise<void> {
  await db.updateTable('plan_tasks').set({ introduced_version: version }).where('plan_id', '=', planId).where('introduced_version', '=', 0).execute();
}

export async function requiredUnitIds(db: Db, planId: number): Promise<number[]> {
  const rows = await db.selectFrom('plan_required_units').select('unit_id').where('plan_id', '=', planId).orderBy('unit_id').execute();
  return rows.map((r) => r.unit_id);
}

export async function setRequiredUnits(db: Db, planId: number, unitIds: number[]): Promise<void> {
  await db.deleteFrom('plan_required_units').where('plan_id', '=', planId).execute();
  if (unitIds.length) await db.insertInto('plan_required_units').values(unitIds.map((unit_id) => ({ plan_id: planId, unit_id }))).execute();
}

export async function documentIds(db: Db, planId: number): Promise<number[]> {
  const rows = await db.selectFrom('plan_documents').select('document_id').where('plan_id', '=', planId).orderBy('position').execute();
  return rows.map((r) => r.document_id);
}

export async function setDocuments(db: Db, planId: number, ids: number[]): Promise<void> {
  await db.deleteFrom('plan_documents').where('plan_id', '=', planId).execute();
  if (ids.length) await db.insertInto('plan_documents').values(ids.map((document_id, position) => ({ plan_id: planId, document_id, position }))).execute();
}

export async function setAssignedUnits(db: Db, planId: number, unitIds: number[]): Promise<void> {
  await db.deleteFrom('plan_assigned_units').where('plan_id', '=', planId).execute();
  if (unitIds.length) await db.insertInto('plan_assigned_units').values(unitIds.map((unit_id) => ({ plan_id: planId, unit_id }))).execute();
}

// ---- versions ----

export async function insertVersion(db: Db, row: {
  planId: number; version: number; kind: 'issue' | 'amendment'; reason: string | null; documentId: number | null;
  issuedOn: string; snapshotJson: string; createdBy: number | null; createdAt: string;
}): Promise<void> {
  await db.insertInto('plan_versions').values({
    plan_id: row.planId, version: row.version, kind: row.kind, reason: row.reason, document_id: row.documentId,
    issued_on: row.issuedOn, snapshot_json: row.snapshotJson, created_by: row.createdBy, created_at: row.createdAt,
  }).execute();
}

export async function listVersions(db: Db, planId: number) {
  return db.selectFrom('plan_versions as v')
    .leftJoin('documents as d', 'd.id', 'v.document_id')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select(['v.version', 'v.kind', 'v.reason', 'v.issued_on', 'd.number_text', 'v.created_at', 'u.display_name'])
    .where('v.plan_id', '=', planId).orderBy('v.version').execute();
}

export async function findVersion(db: Db, planId: number, version: number) {
  return db.selectFrom('plan_versions').selectAll().where('plan_id', '=', planId).where('version', '=', version).executeTakeFirst();
}

/** The last issued version of each plan (its frozen content). */
export async function currentSnapshots(db: Db, planIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (planIds.length === 0) return out;
  const rows = await db.selectFrom('plan_versions as v')
    .innerJoin('plans as p', (j) => j.onRef('p.id', '=', 'v.plan_id').onRef('p.current_version', '=', 'v.version'))
    .select(['v.plan_id', 'v.snapshot_json']).where('v.plan_id', 'in', planIds).execute();
  for (const r of rows) out.set(r.plan_id, r.snapshot_json);
  return out;
}

/** The registry document of the unit's latest issued plan (to guess a draft's number symbol). */
export async function latestPlanDocumentOf(db: Db, unitId: number): Promise<number | null> {
  const row = await db.selectFrom('plans').select('document_id').where('issuer_unit_id', '=', unitId).where('document_id', 'is not', null)
    .orderBy('issued_on', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return row?.document_id ?? null;
}

/** The plan whose issue or amendment created this registry document, if any. */
export async function planUsingDocument(db: Db, documentId: number): Promise<number | null> {
  const direct = await db.selectFrom('plans').select('id').where('document_id', '=', documentId).executeTakeFirst();
  if (direct) return direct.id;
  const version = await db.selectFrom('plan_versions').select('plan_id').where('document_id', '=', documentId).executeTakeFirst();
  return version?.plan_id ?? null;
}

// ---- child plans ----

export async function childPlans(db: Db, parentIds: number[]) {
  if (parentIds.length === 0) return [];
  return db.selectFrom('plans as p')
    .leftJoin('documents as d', 'd.id', 'p.document_id')
    .select(['p.id', 'p.parent_plan_id', 'p.issuer_unit_id', 'p.status', 'p.issued_on', 'p.title', 'p.current_version', 'p.ref_date', 'p.concretize_due_on', 'd.number_text'])
    .where('p.parent_plan_id', 'in', parentIds).orderBy('p.id').execute();
}

export async function childPlanOf(db: Db, parentId: number, unitId: number) {
  return db.selectFrom('plans').select(['id', 'status']).where('parent_plan_id', '=', parentId).where('issuer_unit_id', '=', unitId).executeTakeFirst();
}

export async function userNames(db: Db, userIds: number[]): Promise<Map<number, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
