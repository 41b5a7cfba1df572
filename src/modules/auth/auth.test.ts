import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases';
import { TEST_PASSWORD, login, makeUser } from '../../test/fixtures';
import { startTestApp, type TestApp } from '../../test/app';
import * as audit from '../audit/audit.service';

const databases = await testDatabases();

describe.each(databases)('sign-in and sessions on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database, { LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '15' });
    await t.handle.db.transaction().execute(async (tx) => {
      await makeUser(tx, 'thuky', t.tree.wardA1, [{ role: 'reporter', unitId: t.tree.wardA1 }]);
      await makeUser(tx, 'quantri', t.tree.city, [{ role: 'admin', unitId: t.tree.city }]);
      await makeUser(tx, 'khoa', t.tree.districtA, [{ role: 'viewer', unitId: t.tree.districtA }]);
    });
  });
  afterAll(async () => t?.close());

  it.skipIf(database.skip)('reports health with the database kind', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: database.name });
  });

  it.skipIf(database.skip)('signs in with an HttpOnly SameSite=Lax cookie and answers /me', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ThuKy', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const session = await login(t.app, 'thuky');
    const me = await session.inject({ url: '/api/v1/me' });
    expect(me.json()).toMatchObject({ username: 'thuky', unitId: t.tree.wardA1, grants: [{ role: 'reporter', unitId: t.tree.wardA1 }] });
  });

  it.skipIf(database.skip)('marks the cookie Secure behind HTTPS', async () => {
    const https = await startTestApp(database, { TRUST_PROXY: '1' });
    try {
      await https.handle.db.transaction().execute((tx) => makeUser(tx, 'bimat', https.tree.city));
      const res = await https.app.inject({
        method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bimat', password: TEST_PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await https.close();
    }
  });

  it.skipIf(database.skip)('refuses a state-changing request without the CSRF token', async () => {
    const session = await login(t.app, 'quantri');
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'x' }, headers: { cookie: session.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    const ok = await session.inject({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'x' } });
    expect(ok.statusCode).toBe(201);
  });

  it.skipIf(database.skip)('locks the account for 15 minutes after 5 failures, and audits each', async () => {
    const before = (await audit.verify(t.handle.db)).headSeq;
    for (let i = 1; i <= 4; i += 1) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'khoa', password: 'sai-mat-khau' } });
      expect(res.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'khoa', password: 'sai-mat-khau' } });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.message).toMatch(/khóa 15 phút/);
    const right = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'khoa', password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(429);
    const entries = await audit.list(t.handle.db, { kind: 'system', name: 'test' }, { entity: 'auth', limit: 50 });
    const recent = entries.filter((e) => e.seq > before);
    expect(recent.filter((e) => e.action === 'login_failed')).toHaveLength(5);
    expect(recent.some((e) => e.action === 'login_refused')).toBe(true);
  });

  it.skipIf(database.skip)('ends every session when a user is disabled', async () => {
    const victim = await login(t.app, 'thuky');
    expect((await victim.inject({ url: '/api/v1/me' })).statusCode).toBe(200);
    const admin = await login(t.app, 'quantri');
    const list = await admin.inject({ url: '/api/v1/users?q=thuky' });
    const id = list.json()[0].id;
    const res = await admin.inject({ method: 'POST', url: `/api/v1/users/${id}/active`, payload: { active: false } });
    expect(res.statusCode).toBe(200);
    expect((await victim.inject({ url: '/api/v1/me' })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'thuky', password: TEST_PASSWORD } });
    expect(again.statusCode).toBe(401);
    await admin.inject({ method: 'POST', url: `/api/v1/users/${id}/active`, payload: { active: true } });
  });

  it.skipIf(database.skip)('expires idle sessions', async () => {
    const idle = await startTestApp(database, { SESSION_IDLE_MINUTES: '1' });
    try {
      await idle.handle.db.transaction().execute((tx) => makeUser(tx, 'ngu', idle.tree.city));
      const s = await login(idle.app, 'ngu');
      await idle.handle.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 2 * 60_000).toISOString() }).execute();
      expect((await s.inject({ url: '/api/v1/me' })).statusCode).toBe(401);
    } finally {
      await idle.close();
    }
  });

  it.skipIf(database.skip)('accepts API tokens, shown once and revocable', async () => {
    const admin = await login(t.app, 'quantri');
    const created = await admin.inject({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'máy chủ báo cáo' } });
    const { token, id } = created.json();
    expect(token).toMatch(/^lt_[0-9a-f]{8}_/);
    const listed = await admin.inject({ url: '/api/v1/me/tokens' });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    const viaToken = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.json()).toMatchObject({ username: 'quantri', via: 'token' });
    // Tokens need no CSRF header: they are not sent by browsers on their own.
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/org-kinds', headers: { authorization: `Bearer ${token}` }, payload: { code: 'hop_tac_xa', nameVi: 'Hợp tác xã', nameEn: 'Cooperative' } });
    expect(write.statusCode).toBe(201);
    await admin.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}` });
    const revoked = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(revoked.statusCode).toBe(401);
  });

  it.skipIf(database.skip)('names the bad field in Vietnamese by default and in English on request', async () => {
    const vi = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' } });
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error.message).toContain('username: không được để trống');
    expect(vi.json().error.message).toContain('password: bắt buộc phải có');
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '' }, headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().error.message).toContain('password: is required');
  });
});
