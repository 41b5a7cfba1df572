/** Tree and lineage lookups for consolidation (then: the tree at the period's end; now: today's). */
import type { Kysely } from 'kysely';
import { inForce } from '../../db/effective-dated';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

export async function subtreeIds(db: Db, hierarchy: string, rootId: number, day: string): Promise<Set<number>> {
  const rows = await db.selectFrom('org_closure').select('descendant_id')
    .where('hierarchy', '=', hierarchy).where('ancestor_id', '=', rootId).where(inForce(day)).execute();
  return new Set(rows.map((r) => r.descendant_id));
}

export async function unitOn(db: Db, unitId: number, day: string) {
  return db.selectFrom('org_units as u').innerJoin('org_unit_versions as v', 'v.unit_id', 'u.id')
    .where('u.id', '=', unitId).where(inForce(day, 'v'))
    .select(['u.id', 'u.code', 'v.name', 'v.kind', 'u.valid_from', 'u.valid_to']).executeTakeFirst();
}

/** Children of a unit on a day, with names and kinds. */
export async function childrenOn(db: Db, hierarchy: string, parentId: number, day: string) {
  return db.selectFrom('org_links as l').innerJoin('org_unit_versions as v', 'v.unit_id', 'l.unit_id').innerJoin('org_units as u', 'u.id', 'l.unit_id')
    .where('l.hierarchy', '=', hierarchy).where('l.parent_id', '=', parentId).where(inForce(day, 'l')).where(inForce(day, 'v'))
    .select(['l.unit_id as unitId', 'v.name', 'v.kind', 'u.code']).execute();
}

/** Ancestors (nearest first, including itself) of units on a day: unit → [self, parent, …]. */
export async function chainsOn(db: Db, hierarchy: string, unitIds: number[], day: string): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = await db.selectFrom('org_closure').select(['descendant_id', 'ancestor_id', 'depth'])
      .where('hierarchy', '=', hierarchy).where('descendant_id', 'in', unitIds.slice(i, i + 5000)).where(inForce(day))
      .orderBy('descendant_id').orderBy('depth').execute();
    for (const r of rows) out.set(r.descendant_id, [...(out.get(r.descendant_id) ?? []), r.ancestor_id]);
  }
  return out;
}

export async function unitEnds(db: Db, unitIds: number[]): Promise<Map<number, { from: string; to: string | null }>> {
  const out = new Map<number, { from: string; to: string | null }>();
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = await db.selectFrom('org_units').select(['id', 'valid_from', 'valid_to']).where('id', 'in', unitIds.slice(i, i + 5000)).execute();
    for (const r of rows) out.set(r.id, { from: r.valid_from, to: r.valid_to });
  }
  return out;
}

/** Restructuring edges effective after a day (what happened to the tree since a period). */
export async function lineageSince(db: Db, day: string) {
  return db.selectFrom('org_lineage').select(['from_unit_id as from', 'to_unit_id as to', 'kind', 'effective_date as date'])
    .where('effective_date', '>', day).orderBy('effective_date').orderBy('id').execute();
}

/** Whether anything in a hierarchy's links changed between two days (if not, then = now). */
export async function linksChangedBetween(db: Db, hierarchy: string, from: string, to: string): Promise<boolean> {
  const row = await db.selectFrom('org_links').select('id').where('hierarchy', '=', hierarchy)
    .where((eb) => eb.or([
      eb.and([eb('valid_from', '>', from), eb('valid_from', '<=', to)]),
      eb.and([eb('valid_to', '>', from), eb('valid_to', '<=', to)]),
    ])).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function parentOn(db: Db, hierarchy: string, unitId: number, day: string): Promise<number | null> {
  const row = await db.selectFrom('org_links').select('parent_id').where('hierarchy', '=', hierarchy).where('unit_id', '=', unitId)
    .where(inForce(day)).executeTakeFirst();
  return row?.parent_id ?? null;
}

export async function namesLatest(db: Db, unitIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = await db.selectFrom('org_unit_versions').select(['unit_id', 'name']).where('unit_id', 'in', unitIds.slice(i, i + 5000)).orderBy('valid_from').execute();
    for (const r of rows) out.set(r.unit_id, r.name);
  }
  return out;
}
