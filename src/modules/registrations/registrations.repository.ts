/** SQL for focus-issue registrations, their history entries and evidence files. */
import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import { forUpdate } from '../../db/dialect';
import type { Database } from '../../db/schema';
import type { RegistrationsTable } from '../../db/tables/registrations';
import type { RegistrationListView } from './registrations.contract';

type Db = Kysely<Database>;

export type UnitScope = (unitColumn: string, dateColumn: string) => (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

/** Submitted work along the line; drafts only at the registering unit. */
export interface RegistrationScope {
  read: UnitScope;
  drafts: UnitScope;
}

export function registrationVisible(scope: RegistrationScope) {
  return (eb: ExpressionBuilder<any, any>) => eb.or([
    eb.and([eb('r.status', '!=', 'draft'), scope.read('r.unit_id', 'r.ref_date')(eb)]),
    scope.drafts('r.unit_id', 'r.ref_date')(eb),
  ]);
}

const OPEN = ['in_progress', 'resolution_submitted'];

export function viewCondition(view: RegistrationListView, today: string) {
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    switch (view) {
      case 'draft': return eb('r.status', '=', 'draft');
      case 'pending': return eb('r.status', '=', 'submitted');
      case 'returned': return eb('r.status', '=', 'returned');
      case 'in_progress': return eb('r.status', 'in', OPEN);
      case 'awaiting_confirmation': return eb('r.status', '=', 'resolution_submitted');
      case 'overdue': return eb.and([eb('r.status', 'in', OPEN), eb('r.deadline', '<', today)]);
      case 'resolved': return eb('r.status', '=', 'resolved');
    }
  };
}

export interface RegistrationFilter {
  subtreeOf?: number;
  body?: number;
  plan?: number;
  search?: string;
}

function filtered(db: Db, f: RegistrationFilter, scope: RegistrationScope) {
  let query = db.selectFrom('registrations as r').where(registrationVisible(scope));
  if (f.subtreeOf !== undefined) {
    const root = f.subtreeOf;
    query = query.where((eb) => eb.exists(eb.selectFrom('org_closure as c').select('c.depth')
      .where('c.ancestor_id', '=', root).whereRef('c.descendant_id', '=', 'r.unit_id')
      .where(sql<SqlBool>`c.valid_from <= r.ref_date and (c.valid_to is null or c.valid_to > r.ref_date)`)));
  }
  if (f.body !== undefined) query = query.where('r.body_unit_id', '=', f.body);
  if (f.plan !== undefined) query = query.where('r.plan_id', '=', f.plan);
  if (f.search) query = query.where('r.title_search', 'like', `%${f.search}%`);
  return query;
}

export async function listRegistrations(
  db: Db, f: RegistrationFilter & { view?: RegistrationListView; today: string; limit: number; offset: number }, scope: RegistrationScope,
) {
  let query = filtered(db, f, scope);
  if (f.view) query = query.where(viewCondition(f.view, f.today));
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('r').orderBy('r.deadline').orderBy('r.id').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), rows };
}

export async function countByView(db: Db, f: RegistrationFilter, views: readonly RegistrationListView[], today: string, scope: RegistrationScope) {
  const out = {} as Record<RegistrationListView, number>;
  for (const view of views) {
    const row = await filtered(db, f, scope).where(viewCondition(view, today)).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    out[view] = Number(row.n);
  }
  return out;
}

export async function findRegistration(db: Db, id: number) {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockRegistration(db: Db, id: number) {
  return forUpdate(db, db.selectFrom('registrations').selectAll().where('id', '=', id)).executeTakeFirst();
}

export async function isVisible(db: Db, id: number, scope: RegistrationScope): Promise<boolean> {
  return (await db.selectFrom('registrations as r').select('r.id').where('r.id', '=', id).where(registrationVisible(scope)).executeTakeFirst()) !== undefined;
}

export async function insertRegistration(db: Db, row: Insertable<RegistrationsTable>): Promise<number> {
  return (await db.insertInto('registrations').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateRegistration(db: Db, id: number, patch: Updateable<RegistrationsTable>): Promise<void> {
  await db.updateTable('registrations').set(patch).where('id', '=', id).execute();
}

export async function deleteRegistration(db: Db, id: number): Promise<void> {
  const entries = db.selectFrom('registration_entries').select('id').where('registration_id', '=', id);
  await db.deleteFrom('registration_entry_files').where('entry_id', 'in', entries).execute();
  await db.deleteFrom('registration_entries').where('registration_id', '=', id).execute();
  await db.deleteFrom('registrations').where('id', '=', id).execute();
}

export async function insertEntry(db: Db, e: {
  registrationId: number; kind: string; text: string | null; percent: number | null; reportedOn: string | null;
  actorUserId: number | null; actorName: string | null; at: string;
}): Promise<number> {
  const row = await db.insertInto('registration_entries').values({
    registration_id: e.registrationId, kind: e.kind, text: e.text, percent: e.percent, reported_on: e.reportedOn,
    actor_user_id: e.actorUserId, actor_name: e.actorName, at: e.at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function entriesOf(db: Db, registrationId: number) {
  return db.selectFrom('registration_entries').selectAll().where('registration_id', '=', registrationId).orderBy('id').execute();
}

export async function findEntry(db: Db, entryId: number) {
  return db.selectFrom('registration_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
}

export async function linkFile(db: Db, entryId: number, fileId: number): Promise<void> {
  await db.insertInto('registration_entry_files').values({ entry_id: entryId, file_id: fileId }).execute();
}

export async function filesOf(db: Db, entryIds: number[]) {
  if (entryIds.length === 0) return [];
  return db.selectFrom('registration_entry_files as ef').innerJoin('files as f', 'f.id', 'ef.file_id')
    .select(['ef.entry_id', 'f.id', 'f.original_name', 'f.mime_type', 'f.size_bytes'])
    .where('ef.entry_id', 'in', entryIds).orderBy('f.id').execute();
}

export async function fileLinked(db: Db, entryId: number, fileId: number): Promise<boolean> {
  return (await db.selectFrom('registration_entry_files').select('file_id').where('entry_id', '=', entryId).where('file_id', '=', fileId).executeTakeFirst()) !== undefined;
}
