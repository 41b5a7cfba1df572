import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import { fold } from '../../core/text';
import { inForce } from '../../db/effective-dated';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;


export interface UserQuery {
  /** Only users whose unit lies in one of these subtrees (null = everywhere). */
  scope: Array<{ unitId: number; hierarchy: string }> | null;
  unitId?: number;
  search?: string;
  includeInactive: boolean;
  asOf: string;
  limit: number;
  offset: number;
}

/**
 * A user's unit as of a day, or for a unit that has since ceased, as it last stood: people of
 * a dissolved unit stay visible (with its last name) to those who oversaw it, as in access.
 */
function inForceOrLast(asOf: string, alias: string) {
  return (eb: ExpressionBuilder<any, any>) => eb.or([
    inForce(asOf, alias)(eb),
    eb.and([
      eb(sql.ref(`${alias}.valid_from`), '<=', asOf),
      eb(sql.ref(`${alias}.valid_to`), '=', eb.selectFrom('org_units as ou').select('ou.valid_to').whereRef('ou.id', '=', 'u.unit_id')),
    ]),
  ]);
}

export async function listUsers(db: Db, q: UserQuery) {
  let query = db.selectFrom('users as u')
    .leftJoin('org_unit_versions as v', (j) => j.onRef('v.unit_id', '=', 'u.unit_id').on(inForceOrLast(q.asOf, 'v')))
    .select(['u.id', 'u.username', 'u.display_name', 'u.email', 'u.unit_id', 'v.name as unit_name', 'u.is_active', 'u.locked_until', 'u.locale', 'u.created_at']);
  if (q.scope) {
    const scope = q.scope;
    if (scope.length === 0) return [];
    query = query.where((eb) => eb.exists(eb.selectFrom('org_closure as c').select('c.depth')
      .whereRef('c.descendant_id', '=', 'u.unit_id')
      .where(inForceOrLast(q.asOf, 'c'))
      .where((e) => e.or(scope.map((s) => e.and([e('c.ancestor_id', '=', s.unitId), e('c.hierarchy', '=', s.hierarchy)]))))));
  }
  if (q.unitId !== undefined) query = query.where('u.unit_id', '=', q.unitId);
  if (!q.includeInactive) query = query.where('u.is_active', '=', 1);
  if (q.search) {
    const like = `%${q.search}%`;
    query = query.where((eb) => eb.or([eb('u.username', 'like', like), eb('v.name_search', 'like', like), eb('u.name_search', 'like', like)]));
  }
  return query.orderBy('u.username').limit(q.limit).offset(q.offset).execute();
}

export async function findUser(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The unit's name on the day, or the last name it had if it has ceased. */
export async function unitName(db: Db, unitId: number, asOf: string) {
  const row = await db.selectFrom('org_unit_versions as v')
    .innerJoin('org_units as ou', 'ou.id', 'v.unit_id')
    .select('v.name')
    .where('v.unit_id', '=', unitId)
    .where((eb) => eb.or([inForce(asOf, 'v')(eb), eb.and([eb('ou.valid_to', 'is not', null), eb('v.valid_to', '=', eb.ref('ou.valid_to'))])]))
    .orderBy('v.valid_from', 'desc')
    .executeTakeFirst();
  return row?.name ?? null;
}

export async function grantsFor(db: Db, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db.selectFrom('grants').select(['id', 'user_id', 'role', 'unit_id', 'hierarchy']).where('user_id', 'in', userIds).orderBy('id').execute();
}

export async function usernameTaken(db: Db, username: string) {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

export async function insertUser(db: Db, u: {
  username: string; displayName: string; email: string | null; unitId: number; passwordHash: string | null; locale: string; now: string;
}) {
  const row = await db.insertInto('users').values({
    username: u.username, display_name: u.displayName, name_search: fold(`${u.username} ${u.displayName}`), email: u.email, unit_id: u.unitId, password_hash: u.passwordHash,
    is_active: 1, failed_logins: 0, locked_until: null, password_changed_at: u.passwordHash ? u.now : null, locale: u.locale,
    created_at: u.now, updated_at: u.now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(db: Db, id: number, patch: Partial<{ display_name: string; email: string | null; unit_id: number; locale: string; is_active: number }>, now: string) {
  let nameSearch: string | undefined;
  if (patch.display_name !== undefined) {
    const row = await db.selectFrom('users').select('username').where('id', '=', id).executeTakeFirstOrThrow();
    nameSearch = fold(`${row.username} ${patch.display_name}`);
  }
  await db.updateTable('users').set({ ...patch, ...(nameSearch !== undefined ? { name_search: nameSearch } : {}), updated_at: now }).where('id', '=', id).execute();
}

export async function setPasswordHash(db: Db, id: number, hash: string, now: string) {
  await db.updateTable('users').set({ password_hash: hash, password_changed_at: now, updated_at: now, failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

export async function deleteSessions(db: Db, userId: number) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function findGrant(db: Db, id: number) {
  return db.selectFrom('grants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function grantExists(db: Db, g: { userId: number; role: string; unitId: number; hierarchy: string }) {
  return (await db.selectFrom('grants').select('id')
    .where('user_id', '=', g.userId).where('role', '=', g.role).where('unit_id', '=', g.unitId).where('hierarchy', '=', g.hierarchy)
    .executeTakeFirst()) !== undefined;
}

export async function insertGrant(db: Db, g: { userId: number; role: string; unitId: number; hierarchy: string; createdBy: number | null; now: string }) {
  const row = await db.insertInto('grants').values({
    user_id: g.userId, role: g.role, unit_id: g.unitId, hierarchy: g.hierarchy, created_at: g.now, created_by: g.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteGrant(db: Db, id: number) {
  await db.deleteFrom('grants').where('id', '=', id).execute();
}

export async function unitInForce(db: Db, unitId: number, asOf: string) {
  return (await db.selectFrom('org_units as u').select('u.id').where('u.id', '=', unitId).where(inForce(asOf, 'u')).executeTakeFirst()) !== undefined;
}

export async function unitInHierarchy(db: Db, unitId: number, hierarchy: string, asOf: string) {
  return (await db.selectFrom('org_links as l').select('l.id').where('l.unit_id', '=', unitId).where('l.hierarchy', '=', hierarchy)
    .where(inForce(asOf, 'l')).executeTakeFirst()) !== undefined;
}
