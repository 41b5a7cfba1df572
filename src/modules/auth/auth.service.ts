/**
 * Signing in and out, sessions, API tokens, and turning a request's credentials into an Actor.
 * Timeouts and lockout come from config; every outcome that matters is audited.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Actor, UserActor } from '../../core/actor';
import { NotFoundError, UnauthorizedError, ValidationError, invalidField, type Localized } from '../../core/errors';
import type { Config } from '../../config';
import { isDemoDatabase } from '../../db/meta';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import * as repo from './auth.repository';
import { DEMO_PASSWORD, hashPassword, passwordProblems, verifyPassword } from './passwords';
import { newApiToken, newSecret, sha256 } from './tokens';

type Db = Kysely<Database>;
type SessionPolicy = Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours' | 'loginMaxFailures' | 'loginLockMinutes'>;

export type LoginOutcome =
  | { ok: true; token: string; csrfToken: string; actor: UserActor; expiresAt: string }
  | { ok: false; status: 401 | 429; code: string; text: Localized };

const WRONG = { vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'Wrong username or password' };

/**
 * Check credentials. Failures are counted and audited in this transaction and reported as a
 * value (not thrown) so the caller commits them; the 5th failure locks the account.
 */
export async function login(
  db: Db, policy: SessionPolicy,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<LoginOutcome> {
  const nowIso = now.toISOString();
  const user = await repo.findUserByUsername(db, input.username);
  if (!user) {
    await audit.record(db, null, { entity: 'auth', action: 'login_failed', after: { username: input.username.toLowerCase(), reason: 'unknown_user', ip: input.ip } }, now);
    return { ok: false, status: 401, code: 'invalid_credentials', text: WRONG };
  }
  const who: Actor = { kind: 'user', userId: user.id, username: user.username, displayName: user.display_name, unitId: user.unit_id, grants: [], via: 'session', ip: input.ip };
  if (user.locked_until && user.locked_until > nowIso) {
    await audit.record(db, who, { entity: 'auth', entityId: user.id, action: 'login_refused', unitId: user.unit_id, after: { reason: 'locked', lockedUntil: user.locked_until } }, now);
    const minutes = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000);
    return {
      ok: false, status: 429, code: 'account_locked',
      text: { vi: `Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau ${minutes} phút`, en: `Account locked after repeated failures; try again in ${minutes} min` },
    };
  }
  const passwordOk = await verifyPassword(input.password, user.password_hash);
  if (!passwordOk) {
    const failures = user.failed_logins + 1;
    const lock = failures >= policy.loginMaxFailures;
    const lockedUntil = lock ? new Date(now.getTime() + policy.loginLockMinutes * 60_000).toISOString() : null;
    await repo.recordFailedLogin(db, user.id, lock ? 0 : failures, lockedUntil, nowIso);
    await audit.record(db, who, { entity: 'auth', entityId: user.id, action: 'login_failed', unitId: user.unit_id, after: { failures, locked: lock } }, now);
    if (lock) {
      return {
        ok: false, status: 429, code: 'account_locked',
        text: { vi: `Đăng nhập sai ${failures} lần: tài khoản bị khóa ${policy.loginLockMinutes} phút`, en: `${failures} failed logins: account locked for ${policy.loginLockMinutes} min` },
      };
    }
    return { ok: false, status: 401, code: 'invalid_credentials', text: WRONG };
  }
  if (user.is_active !== 1) {
    await audit.record(db, who, { entity: 'auth', entityId: user.id, action: 'login_refused', unitId: user.unit_id, after: { reason: 'disabled' } }, now);
    return { ok: false, status: 401, code: 'account_disabled', text: { vi: 'Tài khoản đã bị vô hiệu hóa', en: 'This account is disabled' } };
  }
  if (input.password === DEMO_PASSWORD && !(await isDemoDatabase(db))) {
    await audit.record(db, who, { entity: 'auth', entityId: user.id, action: 'login_refused', unitId: user.unit_id, after: { reason: 'demo_password' } }, now);
    return {
      ok: false, status: 401, code: 'default_password',
      text: { vi: 'Mật khẩu mặc định chỉ dùng được trong cơ sở dữ liệu demo; hãy đặt lại mật khẩu', en: 'The default password only works in the demo database; reset the password' },
    };
  }
  await repo.recordSuccessfulLogin(db, user.id);
  const token = newSecret();
  const csrfToken = newSecret(24);
  const expiresAt = new Date(now.getTime() + policy.sessionMaxHours * 3_600_000).toISOString();
  await repo.insertSession(db, {
    id: sha256(token), user_id: user.id, csrf_token: csrfToken, created_at: nowIso, last_seen_at: nowIso,
    expires_at: expiresAt, ip: input.ip, user_agent: input.userAgent?.slice(0, 300) ?? null,
  });
  const actor = await actorFor(db, user, 'session', input.ip);
  await audit.record(db, actor, { entity: 'auth', entityId: user.id, action: 'login', unitId: user.unit_id }, now);
  return { ok: true, token, csrfToken, actor, expiresAt };
}

async function actorFor(db: Db, user: Selectable<Database['users']>, via: UserActor['via'], ip: string | null): Promise<UserActor> {
  const grants = await repo.grantsOf(db, user.id);
  return {
    kind: 'user', userId: user.id, username: user.username, displayName: user.display_name, unitId: user.unit_id,
    grants: grants.map(({ role, unitId, hierarchy }) => ({ role, unitId, hierarchy })), via, ip,
  };
}

/** Sessions are refreshed at most once a minute, so reads do not all become writes. */
const TOUCH_INTERVAL_MS = 60_000;

export async function actorFromSession(
  db: Db, policy: SessionPolicy, token: string, ip: string | null, now = new Date(),
): Promise<{ actor: UserActor; csrfToken: string; sessionId: string } | null> {
  const id = sha256(token);
  const session = await repo.findSession(db, id);
  if (!session) return null;
  const idleLimit = Date.parse(session.last_seen_at) + policy.sessionIdleMinutes * 60_000;
  if (Date.parse(session.expires_at) <= now.getTime() || idleLimit <= now.getTime()) {
    await repo.deleteSession(db, id);
    return null;
  }
  const user = await repo.findUserById(db, session.user_id);
  if (!user || user.is_active !== 1) {
    await repo.deleteSession(db, id);
    return null;
  }
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) await repo.touchSession(db, id, now.toISOString());
  return { actor: await actorFor(db, user, 'session', ip), csrfToken: session.csrf_token, sessionId: id };
}

export async function actorFromApiToken(db: Db, token: string, ip: string | null, now = new Date()): Promise<UserActor | null> {
  const row = await repo.findToken(db, sha256(token));
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= now.toISOString())) return null;
  const user = await repo.findUserById(db, row.user_id);
  if (!user || user.is_active !== 1) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) await repo.touchToken(db, row.id, now.toISOString());
  return actorFor(db, user, 'token', ip);
}

export async function logout(db: Db, actor: Actor | null, sessionId: string | null): Promise<void> {
  if (!sessionId) return;
  await repo.deleteSession(db, sessionId);
  if (actor?.kind === 'user') await audit.record(db, actor, { entity: 'auth', entityId: actor.userId, action: 'logout', unitId: actor.unitId });
}

export async function changePassword(
  db: Db, actor: Actor | null, sessionId: string | null, input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const me = access.requireUser(actor);
  const user = await repo.findUserById(db, me.userId);
  if (!user) throw new UnauthorizedError();
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw invalidField('currentPassword', 'mật khẩu hiện tại không đúng', 'the current password is wrong');
  }
  const problems = passwordProblems(input.newPassword, user.username);
  if (problems.length) throw new ValidationError(problems.map((p) => ({ field: 'newPassword', message: p })));
  const now = new Date().toISOString();
  await repo.setPassword(db, user.id, await hashPassword(input.newPassword), now);
  // Other devices must sign in again with the new password.
  await repo.deleteSessionsOf(db, user.id, sessionId ?? undefined);
  await audit.record(db, me, { entity: 'user', entityId: user.id, action: 'password_change', unitId: user.unit_id });
}

export async function me(db: Db, actor: Actor | null) {
  const user = access.requireUser(actor);
  const row = await repo.findUserById(db, user.userId);
  if (!row) throw new UnauthorizedError();
  return {
    id: row.id, username: row.username, displayName: row.display_name, email: row.email, unitId: row.unit_id, locale: row.locale,
    grants: await repo.grantsOf(db, row.id), via: user.via,
  };
}

export async function listOwnTokens(db: Db, actor: Actor | null) {
  const user = access.requireUser(actor);
  return (await repo.listTokens(db, user.userId)).map(tokenView);
}

function tokenView(t: Awaited<ReturnType<typeof repo.listTokens>>[number]) {
  return {
    id: t.id, name: t.name, prefix: t.token_prefix, createdAt: t.created_at, lastUsedAt: t.last_used_at,
    expiresAt: t.expires_at, revokedAt: t.revoked_at,
  };
}

export async function createToken(db: Db, actor: Actor | null, input: { name: string; expiresAt?: string }) {
  const user = access.requireUser(actor);
  const { token, prefix, hash } = newApiToken();
  const createdAt = new Date().toISOString();
  const expiresAt = input.expiresAt ? new Date(`${input.expiresAt}T23:59:59+07:00`).toISOString() : null;
  if (expiresAt && expiresAt <= createdAt) throw invalidField('expiresAt', 'ngày hết hạn phải ở tương lai', 'the expiry date must be in the future');
  const id = await repo.insertToken(db, { userId: user.userId, name: input.name, hash, prefix, createdAt, expiresAt });
  await audit.record(db, user, { entity: 'api_token', entityId: id, action: 'create', unitId: user.unitId, after: { name: input.name, prefix, expiresAt } });
  return { id, name: input.name, prefix, token, createdAt, expiresAt };
}

export async function revokeToken(db: Db, actor: Actor | null, tokenId: number) {
  const user = access.requireUser(actor);
  const token = await repo.findTokenById(db, tokenId);
  if (!token) throw new NotFoundError('api_token', tokenId);
  if (token.user_id !== user.userId) {
    const owner = await repo.findUserById(db, token.user_id);
    await access.authorize(db, actor, { action: 'token.manage', unitId: owner?.unit_id ?? null });
  }
  await repo.revokeToken(db, tokenId, new Date().toISOString());
  await audit.record(db, user, { entity: 'api_token', entityId: tokenId, action: 'revoke', unitId: user.unitId, before: { name: token.name, prefix: token.token_prefix } });
}
