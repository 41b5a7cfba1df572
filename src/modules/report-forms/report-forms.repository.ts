/** SQL for report forms and their immutable versions. */
import type { Kysely } from 'kysely';
import { inForce } from '../../db/effective-dated';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

export async function insertForm(db: Db, row: {
  code: string; name: string; description: string | null; ownerUnitId: number; nameSearch: string; now: string;
}): Promise<number> {
  const inserted = await db.insertInto('report_forms').values({
    code: row.code, name: row.name, description: row.description, owner_unit_id: row.ownerUnitId, current_version: 1,
    name_search: row.nameSearch, created_at: row.now, updated_at: row.now,
  }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertVersion(db: Db, row: {
  formId: number; version: number; definitionJson: string; note: string | null; createdBy: number | null; now: string;
}): Promise<number> {
  const inserted = await db.insertInto('report_form_versions').values({
    form_id: row.formId, version: row.version, definition_json: row.definitionJson, note: row.note, created_at: row.now, created_by: row.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateForm(db: Db, formId: number, set: { current_version?: number; name?: string; description?: string | null; name_search?: string; updated_at: string }) {
  await db.updateTable('report_forms').set(set).where('id', '=', formId).execute();
}

export async function findForm(db: Db, formId: number) {
  return db.selectFrom('report_forms').selectAll().where('id', '=', formId).executeTakeFirst();
}

export async function codeTaken(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('report_forms').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function listForms(db: Db, q: { search?: string; ownerUnitId?: number; today: string }) {
  let query = db.selectFrom('report_forms as f')
    .leftJoin('org_unit_versions as v', (j) => j.onRef('v.unit_id', '=', 'f.owner_unit_id').on(inForce(q.today, 'v')))
    .selectAll('f').select('v.name as owner_name')
    .orderBy('f.name').limit(500);
  if (q.search) query = query.where('f.name_search', 'like', `%${q.search}%`);
  if (q.ownerUnitId !== undefined) query = query.where('f.owner_unit_id', '=', q.ownerUnitId);
  return query.execute();
}

export async function findVersion(db: Db, formId: number, version: number) {
  return db.selectFrom('report_form_versions').selectAll().where('form_id', '=', formId).where('version', '=', version).executeTakeFirst();
}

export async function findVersionById(db: Db, versionId: number) {
  return db.selectFrom('report_form_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
}

export async function listVersions(db: Db, formId: number) {
  return db.selectFrom('report_form_versions').select(['version', 'created_at', 'note']).where('form_id', '=', formId).orderBy('version').execute();
}

export async function unitName(db: Db, unitId: number, day: string): Promise<string | null> {
  const row = await db.selectFrom('org_unit_versions').select('name').where('unit_id', '=', unitId)
    .where('valid_from', '<=', day).orderBy('valid_from', 'desc').executeTakeFirst();
  return row?.name ?? null;
}
