/**
 * Batch lookups about units that other modules need (names on a day, which units exist, which
 * lie below another), so they do not each write their own SQL against the hierarchy tables.
 */
import type { Kysely } from 'kysely';
import { inForce } from '../../db/effective-dated';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

/** Names of units on a day (or their last name when they no longer existed then). */
export async function unitNames(db: Db, unitIds: number[], asOf: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('org_unit_versions').select(['unit_id', 'name', 'valid_from'])
    .where('unit_id', 'in', ids).orderBy('valid_from').execute();
  // Latest name that started on or before the day; otherwise the earliest one known.
  for (const r of rows) if (!out.has(r.unit_id) || r.valid_from <= asOf) out.set(r.unit_id, r.name);
  return out;
}

/** Of the given units, those that exist on the day. */
export async function unitsInForce(db: Db, unitIds: number[], asOf: string): Promise<Set<number>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('org_units as u').select('u.id').where('u.id', 'in', ids).where(inForce(asOf, 'u')).execute();
  return new Set(rows.map((r) => r.id));
}

/** Of the given units, those below `ancestorId` (in any hierarchy) on the day. */
export async function unitsBelow(db: Db, ancestorId: number, unitIds: number[], asOf: string): Promise<Set<number>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('org_closure as c').select('c.descendant_id')
    .where('c.ancestor_id', '=', ancestorId).where('c.descendant_id', 'in', ids).where('c.depth', '>', 0)
    .where(inForce(asOf, 'c')).execute();
  return new Set(rows.map((r) => r.descendant_id));
}


/** The parent of a unit in a hierarchy on a day, with its name then; null for a root. */
export async function parentOn(db: Db, unitId: number, asOf: string, hierarchy = 'party'): Promise<{ id: number; name: string } | null> {
  const link = await db.selectFrom('org_links').select('parent_id')
    .where('unit_id', '=', unitId).where('hierarchy', '=', hierarchy).where(inForce(asOf)).executeTakeFirst();
  if (!link?.parent_id) return null;
  const names = await unitNames(db, [link.parent_id], asOf);
  return { id: link.parent_id, name: names.get(link.parent_id) ?? '' };
}
