/**
 * SQL for working on many units at once: bulk inserts (chunked under the driver's parameter
 * limit) and the reads that bulk creation and export need. Row-at-a-time work lives in
 * orgs.repository.ts.
 */
import type { Insertable, Kysely } from 'kysely';
import { chunkRows } from '../../db/dialect';
import { inForce } from '../../db/effective-dated';
import type { Database } from '../../db/schema';
import type { OrgClosureTable, OrgLinksTable, OrgUnitVersionsTable } from '../../db/tables/orgs';

type Db = Kysely<Database>;

const LOOKUP_CHUNK = 5000;

async function inChunks<T, R>(items: T[], size: number, work: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await work(items.slice(i, i + size))));
  return out;
}

/** Units with these codes (whatever their lifetime). */
export async function unitsByCodes(db: Db, codes: string[]) {
  return inChunks([...new Set(codes)], LOOKUP_CHUNK, (chunk) => db.selectFrom('org_units')
    .select(['id', 'code', 'valid_from as validFrom', 'valid_to as validTo']).where('code', 'in', chunk).execute());
}

export async function codesOf(db: Db, ids: number[]): Promise<Map<number, string>> {
  const rows = await inChunks([...new Set(ids)], LOOKUP_CHUNK, (chunk) => db.selectFrom('org_units')
    .select(['id', 'code']).where('id', 'in', chunk).execute());
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Every closure row (any period) above these units in a hierarchy: the ancestry a new child inherits. */
export async function ancestryOf(db: Db, hierarchy: string, unitIds: number[]) {
  return inChunks([...new Set(unitIds)], LOOKUP_CHUNK, (chunk) => db.selectFrom('org_closure')
    .select(['descendant_id as unitId', 'ancestor_id as ancestorId', 'depth', 'valid_from as validFrom', 'valid_to as validTo'])
    .where('hierarchy', '=', hierarchy).where('descendant_id', 'in', chunk).execute());
}

/** Insert identities; returns the new ids by code. */
export async function insertUnits(
  db: Db, rows: Array<{ code: string; validFrom: string; createdAt: string }>, onChunk?: (n: number) => void,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const values = rows.map((r) => ({ code: r.code, valid_from: r.validFrom, valid_to: null, created_at: r.createdAt }));
  for (const chunk of chunkRows(db, values)) {
    const inserted = await db.insertInto('org_units').values(chunk).returning(['id', 'code']).execute();
    for (const r of inserted) ids.set(r.code, r.id);
    onChunk?.(chunk.length);
  }
  return ids;
}

async function insertChunked<T extends 'org_unit_versions' | 'org_links' | 'org_closure'>(
  db: Db, table: T, rows: Array<Insertable<Database[T]>>, onChunk?: (n: number) => void,
): Promise<void> {
  for (const chunk of chunkRows(db, rows as object[])) {
    await db.insertInto(table).values(chunk as never).execute();
    onChunk?.(chunk.length);
  }
}

export const insertVersions = (db: Db, rows: Array<Insertable<OrgUnitVersionsTable>>, onChunk?: (n: number) => void) =>
  insertChunked(db, 'org_unit_versions', rows, onChunk);
export const insertLinks = (db: Db, rows: Array<Insertable<OrgLinksTable>>, onChunk?: (n: number) => void) =>
  insertChunked(db, 'org_links', rows, onChunk);
export const insertClosure = (db: Db, rows: OrgClosureTable[], onChunk?: (n: number) => void) =>
  insertChunked(db, 'org_closure', rows, onChunk);

/** For export: each unit's parent link per hierarchy in force on a day, with when that link began. */
export async function linksOn(db: Db, unitIds: number[], asOf: string) {
  return inChunks([...new Set(unitIds)], LOOKUP_CHUNK, (chunk) => db.selectFrom('org_links')
    .select(['unit_id as unitId', 'hierarchy', 'parent_id as parentId', 'valid_from as validFrom'])
    .where('unit_id', 'in', chunk).where(inForce(asOf)).execute());
}

/** For export: when the name in force on a day began. */
export async function versionStartsOn(db: Db, unitIds: number[], asOf: string): Promise<Map<number, string>> {
  const rows = await inChunks([...new Set(unitIds)], LOOKUP_CHUNK, (chunk) => db.selectFrom('org_unit_versions')
    .select(['unit_id as unitId', 'valid_from as validFrom']).where('unit_id', 'in', chunk).where(inForce(asOf)).execute());
  return new Map(rows.map((r) => [r.unitId, r.validFrom]));
}
