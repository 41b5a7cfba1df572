import type { Kysely } from 'kysely';
import type { Role } from '../../core/actor';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordFailedLogin(db: Db, userId: number, failures: number, lockedUntil: string | null, now: string) {
  await db.updateTable('users').set({ failed_logins: failures, locked_until: lockedUntil, updated_at: now }).where('id', '=', userId).execute();
}

export async function recordSuccessfulLogin(db: Db, userId: number) {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function setPassword(db: Db, userId: number, hash: string, now: string) {
  await db.updateTable('users').set({ password_hash: hash, password_changed_at: now, updated_at: now, failed_logins: 0, locked_until: null })
    .where('id', '=', userId).execute();
}

export async function grantsOf(db: Db, userId: number) {
  const rows = await db.selectFrom('grants').select(['id', 'role', 'unit_id', 'hierarchy']).where('user_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, role: r.role as Role, unitId: r.unit_id, hierarchy: r.hierarchy }));
}

export async function insertSession(db: Db, s: Database['sessions']) {
  await db.insertInto('sessions').values(s).execute();
}

export async function findSession(db: Db, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, at: string) {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Db, userId: number, exceptId?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: string, idleCutoff: string) {
  await db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)])).execute();
}

export async function findToken(db: Db, hash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function touchToken(db: Db, id: number, at: string) {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function insertToken(db: Db, t: { userId: number; name: string; hash: string; prefix: string; createdAt: string; expiresAt: string | null }) {
  const row = await db.insertInto('api_tokens').values({
    user_id: t.userId, name: t.name, token_hash: t.hash, token_prefix: t.prefix, created_at: t.createdAt,
    last_used_at: null, expires_at: t.expiresAt, revoked_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function listTokens(db: Db, userId: number) {
  return db.selectFrom('api_tokens')
    .select(['id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId).orderBy('id', 'desc').execute();
}

export async function findTokenById(db: Db, id: number) {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function revokeToken(db: Db, id: number, at: string) {
  await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}
