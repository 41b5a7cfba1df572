/** Managing accounts and their grants: who may act, where, in which role. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { todayVn } from '../../core/dates';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, invalidField } from '../../core/errors';
import { fold } from '../../core/text';
import { isDemoDatabase } from '../../db/meta';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import { DEMO_PASSWORD, hashPassword, passwordProblems } from '../auth/passwords';
import type { CreateGrantInput, CreateUserInput, UpdateUserInput, User } from './users.contract';
import * as repo from './users.repository';

type Db = Kysely<Database>;

async function present(db: Db, rows: Awaited<ReturnType<typeof repo.listUsers>>): Promise<User[]> {
  const grants = await repo.grantsFor(db, rows.map((r) => r.id));
  const now = new Date().toISOString();
  return rows.map((r) => ({
    id: r.id, username: r.username, displayName: r.display_name, email: r.email, unitId: r.unit_id, unitName: r.unit_name ?? null,
    isActive: r.is_active === 1, locked: !!r.locked_until && r.locked_until > now, locale: r.locale, createdAt: r.created_at,
    grants: grants.filter((g) => g.user_id === r.id).map((g) => ({ id: g.id, role: g.role, unitId: g.unit_id, hierarchy: g.hierarchy })),
  }));
}

export async function listUsers(db: Db, actor: Actor | null, q: { unit?: number; q?: string; includeInactive?: boolean; limit: number; offset: number }) {
  if (q.unit !== undefined) await access.authorize(db, actor, { action: 'user.read', unitId: q.unit });
  else access.requireUser(actor);
  const rows = await repo.listUsers(db, {
    scope: access.scopeRoots(actor, 'user.read'), unitId: q.unit, search: q.q ? fold(q.q) : undefined,
    includeInactive: q.includeInactive ?? false, asOf: todayVn(), limit: q.limit, offset: q.offset,
  });
  return present(db, rows);
}

async function loadUser(db: Db, userId: number) {
  const row = await repo.findUser(db, userId);
  if (!row) throw new NotFoundError('user', userId);
  return row;
}

export async function getUser(db: Db, actor: Actor | null, userId: number): Promise<User> {
  const row = await loadUser(db, userId);
  if (!(actor?.kind === 'user' && actor.userId === userId)) await access.authorize(db, actor, { action: 'user.read', unitId: row.unit_id });
  const [user] = await present(db, [{ ...row, unit_name: await repo.unitName(db, row.unit_id, todayVn()) }]);
  return user;
}

async function requireLiveUnit(db: Db, unitId: number, field: string) {
  if (!(await repo.unitInForce(db, unitId, todayVn()))) {
    throw invalidField(field, `đơn vị ${unitId} không tồn tại hoặc đã giải thể`, `unit ${unitId} does not exist or was dissolved`);
  }
}

export async function createUser(db: Db, actor: Actor | null, input: CreateUserInput): Promise<User> {
  await access.authorize(db, actor, { action: 'user.manage', unitId: input.unitId });
  await requireLiveUnit(db, input.unitId, 'unitId');
  if (await repo.usernameTaken(db, input.username)) {
    throw new ConflictError({ vi: `Tên đăng nhập "${input.username}" đã có người dùng`, en: `Username "${input.username}" is taken` }, { field: 'username' }, 'duplicate_username');
  }
  const problems = passwordProblems(input.password, input.username);
  if (problems.length) throw new ValidationError(problems.map((message) => ({ field: 'password', message })));
  const now = new Date().toISOString();
  const id = await repo.insertUser(db, {
    username: input.username, displayName: input.displayName, email: input.email ?? null, unitId: input.unitId,
    passwordHash: await hashPassword(input.password), locale: input.locale, now,
  });
  const user = await getUser(db, { kind: 'system', name: 'users' }, id);
  await audit.record(db, actor, { entity: 'user', entityId: id, action: 'create', unitId: input.unitId, after: user });
  return user;
}

export async function updateUser(db: Db, actor: Actor | null, userId: number, input: UpdateUserInput): Promise<User> {
  const before = await loadUser(db, userId);
  await access.authorize(db, actor, { action: 'user.manage', unitId: before.unit_id });
  if (input.unitId !== undefined && input.unitId !== before.unit_id) {
    await access.authorize(db, actor, { action: 'user.manage', unitId: input.unitId });
    await requireLiveUnit(db, input.unitId, 'unitId');
  }
  await repo.updateUser(db, userId, {
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  }, new Date().toISOString());
  const after = await getUser(db, { kind: 'system', name: 'users' }, userId);
  await audit.record(db, actor, {
    entity: 'user', entityId: userId, action: 'update', unitId: after.unitId,
    before: { displayName: before.display_name, email: before.email, unitId: before.unit_id, locale: before.locale }, after: input,
  });
  return after;
}

/** Disabling ends every session of the user at once; API tokens stop working too. */
export async function setActive(db: Db, actor: Actor | null, userId: number, active: boolean): Promise<User> {
  const before = await loadUser(db, userId);
  await access.authorize(db, actor, { action: 'user.manage', unitId: before.unit_id });
  if (!active && actor?.kind === 'user' && actor.userId === userId) {
    throw invalidField('active', 'không thể tự vô hiệu hóa tài khoản của mình', 'you cannot disable your own account');
  }
  await repo.updateUser(db, userId, { is_active: active ? 1 : 0 }, new Date().toISOString());
  if (!active) await repo.deleteSessions(db, userId);
  await audit.record(db, actor, { entity: 'user', entityId: userId, action: active ? 'enable' : 'disable', unitId: before.unit_id, before: { isActive: before.is_active === 1 }, after: { isActive: active } });
  return getUser(db, { kind: 'system', name: 'users' }, userId);
}

export async function resetPassword(db: Db, actor: Actor | null, userId: number, password: string): Promise<void> {
  const user = await loadUser(db, userId);
  await access.authorize(db, actor, { action: 'user.manage', unitId: user.unit_id });
  const problems = passwordProblems(password, user.username);
  if (problems.length) throw new ValidationError(problems.map((message) => ({ field: 'password', message })));
  await repo.setPasswordHash(db, userId, await hashPassword(password), new Date().toISOString());
  await repo.deleteSessions(db, userId);
  await audit.record(db, actor, { entity: 'user', entityId: userId, action: 'password_reset', unitId: user.unit_id });
}

export async function addGrant(db: Db, actor: Actor | null, userId: number, input: CreateGrantInput) {
  const user = await loadUser(db, userId);
  // Both ends: you manage the person, and you may hand out roles at that unit.
  await access.authorize(db, actor, { action: 'user.manage', unitId: user.unit_id });
  await access.authorize(db, actor, { action: 'grant.manage', unitId: input.unitId });
  if (!(await repo.unitInHierarchy(db, input.unitId, input.hierarchy, todayVn()))) {
    throw invalidField('unitId', `đơn vị ${input.unitId} không thuộc hệ thống "${input.hierarchy}" hoặc đã giải thể`, `unit ${input.unitId} is not in hierarchy "${input.hierarchy}" or no longer exists`);
  }
  const grant = { userId, role: input.role, unitId: input.unitId, hierarchy: input.hierarchy };
  if (await repo.grantExists(db, grant)) {
    throw new ConflictError({ vi: 'Người dùng đã có quyền này', en: 'The user already has this grant' }, { field: 'role' }, 'duplicate_grant');
  }
  const id = await repo.insertGrant(db, { ...grant, createdBy: actor?.kind === 'user' ? actor.userId : null, now: new Date().toISOString() });
  await audit.record(db, actor, { entity: 'grant', entityId: id, action: 'create', unitId: input.unitId, after: { ...grant, id } });
  return { id, role: input.role, unitId: input.unitId, hierarchy: input.hierarchy };
}

export async function removeGrant(db: Db, actor: Actor | null, userId: number, grantId: number): Promise<void> {
  const grant = await repo.findGrant(db, grantId);
  if (!grant || grant.user_id !== userId) throw new NotFoundError('grant', grantId);
  await access.authorize(db, actor, { action: 'grant.manage', unitId: grant.unit_id });
  await repo.deleteGrant(db, grantId);
  await audit.record(db, actor, {
    entity: 'grant', entityId: grantId, action: 'delete', unitId: grant.unit_id,
    before: { userId, role: grant.role, unitId: grant.unit_id, hierarchy: grant.hierarchy },
  });
}

/**
 * Give a demo account the shared demo password, which `passwordProblems` refuses everywhere
 * else: only the system actor may, and only in a database marked as the demo (meta dataset=demo).
 */
export async function setDemoPassword(db: Db, actor: Actor | null, userId: number): Promise<void> {
  if (actor?.kind !== 'system') throw new ForbiddenError('user.manage', null);
  if (!(await isDemoDatabase(db))) {
    throw invalidField('password', 'mật khẩu demo chỉ dùng trong cơ sở dữ liệu demo', 'the demo password is only for the demo database');
  }
  const user = await loadUser(db, userId);
  await repo.setPasswordHash(db, userId, await hashPassword(DEMO_PASSWORD), new Date().toISOString());
  await audit.record(db, actor, { entity: 'user', entityId: userId, action: 'password_reset', unitId: user.unit_id, after: { demo: true } });
}
