/** SQL for reporting schedules and for who must report in a period (the tree at the period's end). */
import type { Kysely } from 'kysely';
import { inForce } from '../../db/effective-dated';
import type { Database } from '../../db/schema';
import type { ReportSchedulesTable } from '../../db/tables/reporting';

type Db = Kysely<Database>;
export type ScheduleRow = Omit<ReportSchedulesTable, 'id'> & { id: number };

export async function insertSchedule(db: Db, row: Omit<ScheduleRow, 'id'>): Promise<number> {
  const inserted = await db.insertInto('report_schedules').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateSchedule(db: Db, id: number, set: Partial<Omit<ScheduleRow, 'id'>>): Promise<void> {
  await db.updateTable('report_schedules').set(set).where('id', '=', id).execute();
}

export async function findSchedule(db: Db, id: number): Promise<ScheduleRow | undefined> {
  return db.selectFrom('report_schedules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listSchedules(db: Db, q: {
  unitIds?: number[]; planId?: number; formId?: number; includeInactive: boolean; periodType?: string;
}): Promise<ScheduleRow[]> {
  let query = db.selectFrom('report_schedules').selectAll().orderBy('id');
  if (q.unitIds) {
    if (q.unitIds.length === 0) return [];
    const ids = q.unitIds;
    query = query.where((eb) => eb.or([eb('unit_id', 'in', ids), eb('recipient_unit_id', 'in', ids)]));
  }
  if (q.planId !== undefined) query = query.where('plan_id', '=', q.planId);
  if (q.formId !== undefined) query = query.where('form_id', '=', q.formId);
  if (q.periodType !== undefined) query = query.where('period_type', '=', q.periodType);
  if (!q.includeInactive) query = query.where('active', '=', 1);
  return query.execute();
}

/** The unit and its ancestors on a day (nearest first), in a hierarchy. */
export async function lineOf(db: Db, hierarchy: string, unitId: number, day: string): Promise<number[]> {
  const rows = await db.selectFrom('org_closure').select(['ancestor_id', 'depth'])
    .where('hierarchy', '=', hierarchy).where('descendant_id', '=', unitId).where(inForce(day))
    .orderBy('depth').execute();
  return rows.map((r) => r.ancestor_id);
}

export async function kindsExist(db: Db, kinds: string[]): Promise<string[]> {
  const rows = await db.selectFrom('org_kinds').select('code').where('code', 'in', kinds).execute();
  const known = new Set(rows.map((r) => r.code));
  return kinds.filter((k) => !known.has(k));
}

export async function unitNames(db: Db, unitIds: number[], day: string): Promise<Map<number, { name: string; code: string; kind: string }>> {
  const out = new Map<number, { name: string; code: string; kind: string }>();
  if (unitIds.length === 0) return out;
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = await db.selectFrom('org_unit_versions as v').innerJoin('org_units as u', 'u.id', 'v.unit_id')
      .select(['v.unit_id', 'v.name', 'v.kind', 'u.code', 'v.valid_from'])
      .where('v.unit_id', 'in', unitIds.slice(i, i + 5000)).where('v.valid_from', '<=', day)
      .orderBy('v.valid_from').execute();
    for (const r of rows) out.set(r.unit_id, { name: r.name, code: r.code, kind: r.kind });
  }
  return out;
}

/** Units of the given kinds in a subtree on a day, with their depth below the root; optionally only those inside `within`'s subtree. */
export async function subtreeUnitsOfKinds(db: Db, q: { hierarchy: string; rootId: number; day: string; kinds: string[]; maxDepth: number | null; within?: number }) {
  if (q.within !== undefined && q.within !== q.rootId) {
    // Driven from the smaller subtree: the part inside `within`, each unit's depth read from the root.
    const within = q.within;
    let part = db.selectFrom('org_closure as w')
      .innerJoin('org_closure as c', (j) => j.onRef('c.descendant_id', '=', 'w.descendant_id').on('c.ancestor_id', '=', q.rootId).on('c.hierarchy', '=', q.hierarchy))
      .innerJoin('org_unit_versions as v', 'v.unit_id', 'w.descendant_id')
      .innerJoin('org_units as u', 'u.id', 'w.descendant_id')
      .where('w.hierarchy', '=', q.hierarchy).where('w.ancestor_id', '=', within)
      .where(inForce(q.day, 'w')).where(inForce(q.day, 'c')).where(inForce(q.day, 'v'))
      .where('c.depth', '>=', 1).where('v.kind', 'in', q.kinds)
      .select(['w.descendant_id as unitId', 'c.depth', 'v.name', 'v.kind', 'u.code']);
    if (q.maxDepth !== null) part = part.where('c.depth', '<=', q.maxDepth);
    return part.execute();
  }
  let query = db.selectFrom('org_closure as c')
    .innerJoin('org_unit_versions as v', 'v.unit_id', 'c.descendant_id')
    .innerJoin('org_units as u', 'u.id', 'c.descendant_id')
    .where('c.hierarchy', '=', q.hierarchy).where('c.ancestor_id', '=', q.rootId).where('c.depth', '>=', 1)
    .where(inForce(q.day, 'c')).where(inForce(q.day, 'v'))
    .where('v.kind', 'in', q.kinds)
    .select(['c.descendant_id as unitId', 'c.depth', 'v.name', 'v.kind', 'u.code']);
  if (q.maxDepth !== null) query = query.where('c.depth', '<=', q.maxDepth);
  return query.execute();
}

/** The ancestors of a unit (nearest first) with their kind and their depth below a root, on a day. */
export async function ancestorsBelowRoot(db: Db, q: { hierarchy: string; rootId: number; unitId: number; day: string }) {
  return db.selectFrom('org_closure as a')
    .innerJoin('org_closure as r', (j) => j.onRef('r.descendant_id', '=', 'a.ancestor_id').on('r.ancestor_id', '=', q.rootId).on('r.hierarchy', '=', q.hierarchy))
    .innerJoin('org_unit_versions as v', 'v.unit_id', 'a.ancestor_id')
    .where('a.hierarchy', '=', q.hierarchy).where('a.descendant_id', '=', q.unitId).where('a.depth', '>=', 1)
    .where(inForce(q.day, 'a')).where(inForce(q.day, 'r')).where(inForce(q.day, 'v'))
    .select(['a.ancestor_id as unitId', 'a.depth as distance', 'r.depth as depth', 'v.kind'])
    .orderBy('a.depth').execute();
}

/** Given units inside a subtree on a day (for explicit inclusions), with their depth. */
export async function subtreeUnits(db: Db, q: { hierarchy: string; rootId: number; day: string; unitIds: number[] }) {
  if (q.unitIds.length === 0) return [];
  return db.selectFrom('org_closure as c')
    .innerJoin('org_unit_versions as v', 'v.unit_id', 'c.descendant_id')
    .innerJoin('org_units as u', 'u.id', 'c.descendant_id')
    .where('c.hierarchy', '=', q.hierarchy).where('c.ancestor_id', '=', q.rootId).where('c.depth', '>=', 1)
    .where('c.descendant_id', 'in', q.unitIds)
    .where(inForce(q.day, 'c')).where(inForce(q.day, 'v'))
    .select(['c.descendant_id as unitId', 'c.depth', 'v.name', 'v.kind', 'u.code'])
    .execute();
}

/** For each unit, its ancestors among a set of candidates on a day (to find the nearest reporting superior). */
export async function ancestorsAmong(db: Db, q: { hierarchy: string; day: string; unitIds: number[]; candidates: number[] }) {
  const out: Array<{ descendant_id: number; ancestor_id: number; depth: number }> = [];
  if (q.unitIds.length === 0 || q.candidates.length === 0) return out;
  const candidates = new Set(q.candidates);
  for (let i = 0; i < q.unitIds.length; i += 5000) {
    const rows = await db.selectFrom('org_closure').select(['descendant_id', 'ancestor_id', 'depth'])
      .where('hierarchy', '=', q.hierarchy).where('descendant_id', 'in', q.unitIds.slice(i, i + 5000)).where('depth', '>=', 1)
      .where(inForce(q.day)).execute();
    for (const r of rows) if (candidates.has(r.ancestor_id)) out.push(r);
  }
  return out;
}

/** Which of the given units lie in a subtree (the root included) on a day. */
export async function idsWithin(db: Db, q: { hierarchy: string; rootId: number; day: string; unitIds: number[] }): Promise<Set<number>> {
  if (q.unitIds.length === 0) return new Set();
  const rows = await db.selectFrom('org_closure').select('descendant_id')
    .where('hierarchy', '=', q.hierarchy).where('ancestor_id', '=', q.rootId).where('descendant_id', 'in', q.unitIds)
    .where(inForce(q.day)).execute();
  return new Set(rows.map((r) => r.descendant_id));
}
