/**
 * SQL for the effective-dated organization hierarchy. A row is in force on day D when
 * valid_from <= D < valid_to (valid_to null = still in force). Restructuring never
 * updates a row's content: it closes rows (sets valid_to) and inserts new ones.
 */
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { inForce } from '../../db/effective-dated';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;
export interface UnitRow {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
}

/** Units of one hierarchy in force on a day, with their parent then; optionally one subtree. */
export async function listTree(
  db: Db,
  q: { hierarchy: string; asOf: string; rootId?: number; maxDepth?: number; search?: string; limit?: number },
): Promise<Array<UnitRow & { depth: number | null }>> {
  const base = db.selectFrom('org_links as l')
    .innerJoin('org_units as u', 'u.id', 'l.unit_id')
    .innerJoin('org_unit_versions as v', 'v.unit_id', 'u.id')
    .where('l.hierarchy', '=', q.hierarchy)
    .where(inForce(q.asOf, 'l'))
    .where(inForce(q.asOf, 'v'))
    .select([
      'u.id', 'u.code', 'v.name', 'v.short_name as shortName', 'v.kind', 'l.parent_id as parentId',
      'u.valid_from as validFrom', 'u.valid_to as validTo',
    ]);
  if (q.rootId !== undefined) {
    const rootId = q.rootId;
    let query = base
      .innerJoin('org_closure as c', (j) => j.onRef('c.descendant_id', '=', 'u.id')
        .on('c.hierarchy', '=', q.hierarchy).on('c.ancestor_id', '=', rootId))
      .where(inForce(q.asOf, 'c'))
      .select('c.depth');
    if (q.maxDepth !== undefined) query = query.where('c.depth', '<=', q.maxDepth);
    if (q.search) query = query.where('v.name_search', 'like', `%${q.search}%`);
    return query.orderBy('c.depth').orderBy('u.id').limit(q.limit ?? 1_000_000).execute();
  }
  const query = q.search ? base.where('v.name_search', 'like', `%${q.search}%`) : base;
  const rows = await query.orderBy('u.id').limit(q.limit ?? 1_000_000).execute();
  return rows.map((r) => ({ ...r, depth: null }));
}

export async function findUnit(db: Db, id: number, asOf: string) {
  return db.selectFrom('org_units as u')
    .innerJoin('org_unit_versions as v', 'v.unit_id', 'u.id')
    .where('u.id', '=', id)
    .where((eb) => eb.or([
      inForce(asOf, 'v')(eb),
      // a closed unit is shown with the last name it had
      eb.and([eb('u.valid_to', 'is not', null), eb('v.valid_to', '=', eb.ref('u.valid_to'))]),
    ]))
    .select(['u.id', 'u.code', 'v.name', 'v.short_name as shortName', 'v.kind', 'u.valid_from as validFrom', 'u.valid_to as validTo'])
    .orderBy('v.valid_from', 'desc')
    .executeTakeFirst();
}

export async function unitExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('org_units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function findUnitByCode(db: Db, code: string) {
  return db.selectFrom('org_units').select(['id', 'code', 'valid_from as validFrom', 'valid_to as validTo']).where('code', '=', code).executeTakeFirst();
}

export async function findUnitIdsByCodes(db: Db, codes: string[]): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await db.selectFrom('org_units').select(['id', 'code']).where('code', 'in', codes.slice(i, i + 5000)).execute();
    for (const r of rows) map.set(r.code, r.id);
  }
  return map;
}

export async function unitVersions(db: Db, unitId: number) {
  return db.selectFrom('org_unit_versions').where('unit_id', '=', unitId)
    .select(['name', 'short_name as shortName', 'kind', 'valid_from as validFrom', 'valid_to as validTo'])
    .orderBy('valid_from').execute();
}

export async function unitLinks(db: Db, unitId: number) {
  return db.selectFrom('org_links as l')
    .leftJoin('org_unit_versions as pv', (j) => j.onRef('pv.unit_id', '=', 'l.parent_id')
      .on((eb) => eb.and([
        eb('pv.valid_from', '<=', eb.ref('l.valid_from')),
        eb.or([eb('pv.valid_to', 'is', null), eb('pv.valid_to', '>', eb.ref('l.valid_from'))]),
      ])))
    .where('l.unit_id', '=', unitId)
    .select(['l.hierarchy', 'l.parent_id as parentId', 'pv.name as parentName', 'l.valid_from as validFrom', 'l.valid_to as validTo'])
    .orderBy('l.hierarchy').orderBy('l.valid_from').execute();
}

export async function activeLinks(db: Db, unitId: number, asOf: string) {
  return db.selectFrom('org_links').selectAll().where('unit_id', '=', unitId).where(inForce(asOf)).execute();
}

export async function activeChildren(db: Db, parentId: number, asOf: string, hierarchy?: string) {
  let q = db.selectFrom('org_links').select(['unit_id as unitId', 'hierarchy']).where('parent_id', '=', parentId).where(inForce(asOf));
  if (hierarchy) q = q.where('hierarchy', '=', hierarchy);
  return q.execute();
}

/** Latest date on which anything about these units changed (to keep history appended in order). */
export async function latestChangeDate(db: Db, unitIds: number[]): Promise<string | null> {
  if (unitIds.length === 0) return null;
  const row = await db.selectFrom('org_lineage')
    .select((eb) => eb.fn.max('effective_date').as('d'))
    .where((eb) => eb.or([eb('from_unit_id', 'in', unitIds), eb('to_unit_id', 'in', unitIds)]))
    .executeTakeFirst();
  const links = await db.selectFrom('org_links')
    .select((eb) => eb.fn.max('valid_from').as('d'))
    .where((eb) => eb.or([eb('unit_id', 'in', unitIds), eb('parent_id', 'in', unitIds)]))
    .executeTakeFirst();
  const dates = [row?.d, links?.d].filter((d): d is string => typeof d === 'string');
  return dates.sort().at(-1) ?? null;
}

export async function insertUnit(db: Db, row: { code: string; validFrom: string; createdAt: string }): Promise<number> {
  const inserted = await db.insertInto('org_units')
    .values({ code: row.code, valid_from: row.validFrom, valid_to: null, created_at: row.createdAt })
    .returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertVersion(
  db: Db,
  row: { unitId: number; name: string; shortName: string | null; kind: string; nameSearch: string; validFrom: string },
): Promise<void> {
  await db.insertInto('org_unit_versions').values({
    unit_id: row.unitId, name: row.name, short_name: row.shortName, kind: row.kind,
    name_search: row.nameSearch, valid_from: row.validFrom, valid_to: null,
  }).execute();
}

/** Close the version in force on `date` (or delete it if it started that same day). */
export async function closeVersion(db: Db, unitId: number, date: string): Promise<void> {
  await db.deleteFrom('org_unit_versions').where('unit_id', '=', unitId).where('valid_from', '=', date).execute();
  await db.updateTable('org_unit_versions').set({ valid_to: date })
    .where('unit_id', '=', unitId).where(inForce(date)).execute();
}

export async function closeUnit(db: Db, unitId: number, date: string): Promise<void> {
  await db.updateTable('org_units').set({ valid_to: date }).where('id', '=', unitId).execute();
}

/**
 * Put `unitId` (with its current subtree) under `parentId` in a hierarchy from `date`:
 * one link row and, for every ancestor of the parent × every node of the subtree, one
 * closure row. `parentId` null makes the unit a root.
 */
export async function attach(db: Db, hierarchy: string, unitId: number, parentId: number | null, date: string): Promise<void> {
  await db.insertInto('org_links').values({ hierarchy, unit_id: unitId, parent_id: parentId, valid_from: date, valid_to: null }).execute();
  const self = await db.selectFrom('org_closure').select('depth')
    .where('hierarchy', '=', hierarchy).where('ancestor_id', '=', unitId).where('descendant_id', '=', unitId)
    .where(inForce(date)).executeTakeFirst();
  if (!self) {
    await db.insertInto('org_closure').values({
      hierarchy, ancestor_id: unitId, descendant_id: unitId, depth: 0, valid_from: date, valid_to: null,
    }).execute();
  }
  if (parentId === null) return;
  await db.insertInto('org_closure')
    .columns(['hierarchy', 'ancestor_id', 'descendant_id', 'depth', 'valid_from', 'valid_to'])
    .expression((eb) => eb.selectFrom('org_closure as a')
      .innerJoin('org_closure as d', (j) => j.on('d.hierarchy', '=', hierarchy).on('d.ancestor_id', '=', unitId))
      .where('a.hierarchy', '=', hierarchy)
      .where('a.descendant_id', '=', parentId)
      .where(inForce(date, 'a'))
      .where(inForce(date, 'd'))
      .select([
        sql.lit(hierarchy).as('hierarchy'),
        'a.ancestor_id',
        'd.descendant_id',
        sql<number>`a.depth + d.depth + 1`.as('depth'),
        sql.val(date).as('valid_from'),
        sql.lit(null).as('valid_to'),
      ]))
    .execute();
}

/**
 * Take `unitId` (with its subtree) away from its parent in a hierarchy from `date`: close the
 * link and every closure row joining a node of the subtree to one of the unit's ancestors.
 */
export async function detach(db: Db, hierarchy: string, unitId: number, date: string): Promise<void> {
  await closeRows(db, 'org_links', date, (eb) => eb.and([eb('hierarchy', '=', hierarchy), eb('unit_id', '=', unitId)]));
  const ancestors = (await db.selectFrom('org_closure').select('ancestor_id')
    .where('hierarchy', '=', hierarchy).where('descendant_id', '=', unitId).where('depth', '>', 0)
    .where(inForce(date)).execute()).map((r) => r.ancestor_id);
  if (ancestors.length === 0) return;
  await closeRows(db, 'org_closure', date, (eb) => eb.and([
    eb('hierarchy', '=', hierarchy),
    // Unary plus keeps the planner off the ancestor index: for the root that index would walk the
    // whole country, while the primary key (descendant first) touches only the moved subtree.
    eb(sql`+ancestor_id`, 'in', ancestors),
    eb('descendant_id', 'in', eb.selectFrom('org_closure as s').select('s.descendant_id')
      .where('s.hierarchy', '=', hierarchy).where('s.ancestor_id', '=', unitId).where(inForce(date, 's'))),
  ]));
}

/** Close the self row of a unit that leaves a hierarchy altogether (dissolved or merged away). */
export async function closeSelf(db: Db, hierarchy: string, unitId: number, date: string): Promise<void> {
  await closeRows(db, 'org_closure', date, (eb) => eb.and([
    eb('hierarchy', '=', hierarchy), eb('ancestor_id', '=', unitId), eb('descendant_id', '=', unitId),
  ]));
}

/**
 * Set valid_to = date on rows in force that day; rows that started that same day are
 * deleted instead, so no empty interval is left behind.
 */
async function closeRows(
  db: Db,
  table: 'org_links' | 'org_closure',
  date: string,
  where: (eb: ExpressionBuilder<Database, any>) => any,
): Promise<void> {
  await db.deleteFrom(table).where(where).where('valid_from', '=', date).where('valid_to', 'is', null).execute();
  await db.updateTable(table).set({ valid_to: date }).where(where).where(inForce(date)).execute();
}

/** How a target unit relates to a grant's unit in a hierarchy on a day (closure lookups only). */
export async function closureDepth(db: Db, hierarchy: string, ancestorId: number, descendantId: number, asOf: string): Promise<number | null> {
  const row = await db.selectFrom('org_closure').select('depth')
    .where('hierarchy', '=', hierarchy).where('descendant_id', '=', descendantId).where('ancestor_id', '=', ancestorId)
    .where(inForce(asOf)).executeTakeFirst();
  return row ? row.depth : null;
}

export async function parentOf(db: Db, hierarchy: string, unitId: number, asOf: string): Promise<number | null> {
  const row = await db.selectFrom('org_links').select('parent_id')
    .where('hierarchy', '=', hierarchy).where('unit_id', '=', unitId).where(inForce(asOf)).executeTakeFirst();
  return row?.parent_id ?? null;
}

/** Ancestors (nearest first) of a unit in a hierarchy on a day. */
export async function ancestorsOf(db: Db, hierarchy: string, unitId: number, asOf: string) {
  return db.selectFrom('org_closure as c')
    .innerJoin('org_unit_versions as v', 'v.unit_id', 'c.ancestor_id')
    .where('c.hierarchy', '=', hierarchy).where('c.descendant_id', '=', unitId).where('c.depth', '>', 0)
    .where(inForce(asOf, 'c')).where(inForce(asOf, 'v'))
    .select(['c.ancestor_id as id', 'v.name', 'v.kind', 'c.depth'])
    .orderBy('c.depth').execute();
}

/** Ids of the subtree (including the root) in a hierarchy on a day. */
export async function subtreeIds(db: Db, hierarchy: string, rootId: number, asOf: string): Promise<number[]> {
  const rows = await db.selectFrom('org_closure').select('descendant_id')
    .where('hierarchy', '=', hierarchy).where('ancestor_id', '=', rootId).where(inForce(asOf)).execute();
  return rows.map((r) => r.descendant_id);
}

export async function insertEvent(db: Db, e: { kind: string; effectiveDate: string; note: string | null; actorUserId: number | null; createdAt: string }) {
  const row = await db.insertInto('org_events').values({
    kind: e.kind, effective_date: e.effectiveDate, note: e.note, actor_user_id: e.actorUserId, created_at: e.createdAt,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertLineage(db: Db, rows: Array<{ eventId: number; fromUnitId: number; toUnitId: number | null; kind: string; effectiveDate: string }>) {
  if (rows.length === 0) return;
  await db.insertInto('org_lineage').values(rows.map((r) => ({
    event_id: r.eventId, from_unit_id: r.fromUnitId, to_unit_id: r.toUnitId, kind: r.kind, effective_date: r.effectiveDate,
  }))).execute();
}

/** Lineage edges touching any of the units, with both ends' names as they were that day. */
export async function lineageEdges(db: Db, unitIds: number[], direction: 'forward' | 'backward') {
  if (unitIds.length === 0) return [];
  return db.selectFrom('org_lineage as l')
    .innerJoin('org_events as e', 'e.id', 'l.event_id')
    .where(direction === 'forward' ? 'l.from_unit_id' : 'l.to_unit_id', 'in', unitIds)
    .select(['l.event_id as eventId', 'l.from_unit_id as fromUnitId', 'l.to_unit_id as toUnitId', 'l.kind', 'l.effective_date as effectiveDate', 'e.note'])
    .orderBy('l.effective_date').orderBy('l.id').execute();
}

/** Names of units as of the day before a date (how they were known just before a change). */
export async function namesBefore(db: Db, unitIds: number[], date: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (unitIds.length === 0) return out;
  const rows = await db.selectFrom('org_unit_versions').select(['unit_id', 'name', 'valid_from', 'valid_to'])
    .where('unit_id', 'in', unitIds).where('valid_from', '<', date).orderBy('valid_from').execute();
  for (const r of rows) out.set(r.unit_id, r.name);
  return out;
}

export async function namesOn(db: Db, unitIds: number[], date: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (unitIds.length === 0) return out;
  const rows = await db.selectFrom('org_unit_versions').select(['unit_id', 'name'])
    .where('unit_id', 'in', unitIds).where('valid_from', '<=', date).orderBy('valid_from').execute();
  for (const r of rows) out.set(r.unit_id, r.name);
  return out;
}

export async function listKinds(db: Db) {
  return db.selectFrom('org_kinds').selectAll().orderBy('sort_order').execute();
}

export async function insertKind(db: Db, k: { code: string; nameVi: string; nameEn: string }) {
  const max = await db.selectFrom('org_kinds').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirst();
  await db.insertInto('org_kinds').values({ code: k.code, name_vi: k.nameVi, name_en: k.nameEn, is_custom: 1, sort_order: Number(max?.m ?? 0) + 1 }).execute();
}

export async function listHierarchies(db: Db) {
  return db.selectFrom('org_hierarchies').selectAll().orderBy('sort_order').execute();
}

export async function countUnits(db: Db): Promise<number> {
  const row = await db.selectFrom('org_units').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
