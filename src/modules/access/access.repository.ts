import type { Kysely } from 'kysely';
import { inForce } from '../../db/effective-dated';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;


/** Closure rows between two units in either direction, on a day. */
export async function closureBetween(db: Db, hierarchy: string, a: number, b: number, asOf: string) {
  return db.selectFrom('org_closure')
    .select(['ancestor_id', 'descendant_id', 'depth'])
    .where('hierarchy', '=', hierarchy)
    .where((eb) => eb.or([
      eb.and([eb('ancestor_id', '=', a), eb('descendant_id', '=', b)]),
      eb.and([eb('ancestor_id', '=', b), eb('descendant_id', '=', a)]),
    ]))
    .where(inForce(asOf))
    .execute();
}

export async function parents(db: Db, hierarchy: string, unitIds: number[], asOf: string): Promise<Map<number, number | null>> {
  const rows = await db.selectFrom('org_links').select(['unit_id', 'parent_id'])
    .where('hierarchy', '=', hierarchy).where('unit_id', 'in', unitIds).where(inForce(asOf)).execute();
  return new Map(rows.map((r) => [r.unit_id, r.parent_id]));
}

export async function unitLifetime(db: Db, unitId: number) {
  return db.selectFrom('org_units').select(['valid_from', 'valid_to']).where('id', '=', unitId).executeTakeFirst();
}
