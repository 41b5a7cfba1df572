/**
 * SQL for in-app notifications (with their e-mail delivery state) and persisted reminder jobs.
 * Jobs and e-mails are claimed with FOR UPDATE SKIP LOCKED on PostgreSQL, so several server
 * processes never take the same one; SQLite has one writer at a time and needs no lock clause.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialect';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

export async function insertNotification(db: Db, row: {
  userId: number; kind: string; title: string; body: string; link: string | null; unitId: number | null;
  dedupeKey: string | null; emailTo: string | null; now: string;
}): Promise<boolean> {
  const result = await db.insertInto('notifications').values({
    user_id: row.userId, kind: row.kind, title: row.title, body: row.body, link: row.link, unit_id: row.unitId,
    dedupe_key: row.dedupeKey, created_at: row.now, read_at: null, email_to: row.emailTo,
    email_status: row.emailTo ? 'pending' : 'none', email_attempts: 0, email_locked_at: null, email_error: null, emailed_at: null,
  }).onConflict((oc) => oc.column('dedupe_key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function listForUser(db: Db, userId: number, q: { unreadOnly: boolean; limit: number; beforeId?: number }) {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(q.limit);
  if (q.unreadOnly) query = query.where('read_at', 'is', null);
  if (q.beforeId !== undefined) query = query.where('id', '<', q.beforeId);
  return query.execute();
}

export async function countUnread(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: Db, userId: number, ids: number[] | 'all', now: string): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    query = query.where('id', 'in', ids);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertJob(db: Db, row: { kind: string; payloadJson: string; dedupeKey: string; runAt: string; now: string }): Promise<boolean> {
  const result = await db.insertInto('reminder_jobs').values({
    kind: row.kind, payload_json: row.payloadJson, dedupe_key: row.dedupeKey, run_at: row.runAt, status: 'pending',
    attempts: 0, locked_at: null, locked_by: null, done_at: null, outcome: null, created_at: row.now,
  }).onConflict((oc) => oc.column('dedupe_key').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Lock one due job for the caller's transaction (others skip it); null when none is due. */
export async function claimDueJob(db: Db, now: string, worker: string) {
  const postgres = dialectOf(db) === 'postgres';
  const { rows } = await sql<{ id: number }>`
    select id from reminder_jobs where status = 'pending' and run_at <= ${now}
    order by run_at, id limit 1 ${postgres ? sql`for update skip locked` : sql``}
  `.execute(db);
  if (rows.length === 0) return null;
  await db.updateTable('reminder_jobs').set({ locked_at: now, locked_by: worker, attempts: sql`attempts + 1` })
    .where('id', '=', rows[0].id).execute();
  return db.selectFrom('reminder_jobs').selectAll().where('id', '=', rows[0].id).executeTakeFirstOrThrow();
}

export async function finishJob(db: Db, id: number, status: 'done' | 'skipped' | 'failed', outcome: string, now: string): Promise<void> {
  await db.updateTable('reminder_jobs').set({ status, outcome, done_at: now }).where('id', '=', id).execute();
}

export async function listJobs(db: Db, q: { kind?: string; status?: string; limit: number }) {
  let query = db.selectFrom('reminder_jobs').selectAll().orderBy('id').limit(q.limit);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.status) query = query.where('status', '=', q.status);
  return query.execute();
}

/**
 * Take up to `limit` e-mails to send: pending ones, and ones left "sending" longer than the
 * lease (a process died mid-send). They are marked sending in the caller's transaction.
 */
export async function claimEmails(db: Db, now: string, staleBefore: string, limit: number) {
  const postgres = dialectOf(db) === 'postgres';
  const { rows } = await sql<{ id: number }>`
    select id from notifications
    where email_status = 'pending' or (email_status = 'sending' and email_locked_at < ${staleBefore})
    order by id limit ${limit} ${postgres ? sql`for update skip locked` : sql``}
  `.execute(db);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  await db.updateTable('notifications').set({ email_status: 'sending', email_locked_at: now, email_attempts: sql`email_attempts + 1` })
    .where('id', 'in', ids).execute();
  return db.selectFrom('notifications').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

export async function setEmailState(db: Db, id: number, set: { email_status: string; email_error: string | null; emailed_at: string | null }): Promise<void> {
  await db.updateTable('notifications').set(set).where('id', '=', id).execute();
}

export async function notificationsByKey(db: Db, prefix: string) {
  return db.selectFrom('notifications').selectAll().where('dedupe_key', 'like', `${prefix}%`).orderBy('id').execute();
}
