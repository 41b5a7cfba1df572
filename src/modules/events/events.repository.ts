/** SQL for milestone events (conferences, reviews, anniversaries), their documents and files. */
import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { MilestoneEventsTable } from '../../db/tables/milestone-events';

type Db = Kysely<Database>;

export type EventScope = (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;

export interface EventFilter {
  subtreeOf?: number;
  plan?: number;
  kind?: string;
  from?: string;
  to?: string;
  search?: string;
  limit: number;
  offset: number;
}

export async function listEvents(db: Db, f: EventFilter, visible: EventScope) {
  let query = db.selectFrom('milestone_events as e').where(visible);
  if (f.subtreeOf !== undefined) {
    const root = f.subtreeOf;
    query = query.where((eb) => eb.exists(eb.selectFrom('org_closure as c').select('c.depth')
      .where('c.ancestor_id', '=', root).whereRef('c.descendant_id', '=', 'e.organizer_unit_id')
      .where(sql<SqlBool>`c.valid_from <= e.held_on and (c.valid_to is null or c.valid_to > e.held_on)`)));
  }
  if (f.plan !== undefined) query = query.where('e.plan_id', '=', f.plan);
  if (f.kind !== undefined) query = query.where('e.kind', '=', f.kind);
  if (f.from !== undefined) query = query.where('e.held_on', '>=', f.from);
  if (f.to !== undefined) query = query.where('e.held_on', '<=', f.to);
  if (f.search) query = query.where('e.title_search', 'like', `%${f.search}%`);
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll('e').orderBy('e.held_on', 'desc').orderBy('e.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), rows };
}

export async function findEvent(db: Db, id: number) {
  return db.selectFrom('milestone_events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isVisible(db: Db, id: number, visible: EventScope): Promise<boolean> {
  return (await db.selectFrom('milestone_events as e').select('e.id').where('e.id', '=', id).where(visible).executeTakeFirst()) !== undefined;
}

export async function insertEvent(db: Db, row: Insertable<MilestoneEventsTable>): Promise<number> {
  return (await db.insertInto('milestone_events').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateEvent(db: Db, id: number, patch: Updateable<MilestoneEventsTable>): Promise<void> {
  await db.updateTable('milestone_events').set(patch).where('id', '=', id).execute();
}

export async function deleteEvent(db: Db, id: number): Promise<void> {
  await db.deleteFrom('milestone_event_documents').where('event_id', '=', id).execute();
  await db.deleteFrom('milestone_event_files').where('event_id', '=', id).execute();
  await db.deleteFrom('milestone_events').where('id', '=', id).execute();
}

export async function setDocuments(db: Db, eventId: number, documentIds: number[]): Promise<void> {
  await db.deleteFrom('milestone_event_documents').where('event_id', '=', eventId).execute();
  const unique = [...new Set(documentIds)];
  if (unique.length) await db.insertInto('milestone_event_documents').values(unique.map((document_id) => ({ event_id: eventId, document_id }))).execute();
}

export async function documentIdsOf(db: Db, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return db.selectFrom('milestone_event_documents').select(['event_id', 'document_id'])
    .where('event_id', 'in', eventIds).orderBy('event_id').orderBy('document_id').execute();
}

export async function linkFile(db: Db, eventId: number, fileId: number): Promise<void> {
  await db.insertInto('milestone_event_files').values({ event_id: eventId, file_id: fileId }).execute();
}

export async function filesOf(db: Db, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  return db.selectFrom('milestone_event_files as ef').innerJoin('files as f', 'f.id', 'ef.file_id')
    .select(['ef.event_id', 'f.id', 'f.original_name', 'f.mime_type', 'f.size_bytes'])
    .where('ef.event_id', 'in', eventIds).orderBy('f.id').execute();
}

export async function fileLinked(db: Db, eventId: number, fileId: number): Promise<boolean> {
  return (await db.selectFrom('milestone_event_files').select('file_id').where('event_id', '=', eventId).where('file_id', '=', fileId).executeTakeFirst()) !== undefined;
}
