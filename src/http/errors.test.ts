/**
 * Inputs the fuzzer found answered with a 500 or without the error shape, pinned down: the router's
 * own errors, a NUL character in text (PostgreSQL cannot store it), a broken multipart body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app';
import { testDatabases } from '../test/databases';
import { login, makeUser, type Session } from '../test/fixtures';

const databases = await testDatabases();

describe.each(databases)('client errors at the edge on $name', (database) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    await t.handle.db.transaction().execute((tx) => makeUser(tx, 'quan-tri', t.tree.city, [{ role: 'admin', unitId: t.tree.city }]));
    admin = await login(t.app, 'quan-tri');
  });
  afterAll(async () => t?.close());

  const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; message: string; details?: Array<{ field: string; messageEn: string }> } }).error;

  it.skipIf(database.skip)('answers an overlong path parameter with 414 in the error shape', async () => {
    const res = await admin.inject({ url: `/api/v1/org-units/${'9'.repeat(300)}` });
    expect(res.statusCode).toBe(414);
    expect(errorOf(res.body)).toMatchObject({ code: 'uri_too_long', message: 'Tham số trong đường dẫn quá dài' });
  });

  it.skipIf(database.skip)('answers a broken percent-encoding in the path with 400 in the error shape, in English when asked', async () => {
    const res = await admin.inject({ url: '/api/v1/org-units/%E0%A4%A', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body)).toMatchObject({ code: 'bad_url', message: 'The URL has an invalid component' });
  });

  it.skipIf(database.skip)('refuses a NUL character in any text field, naming the field, and writes nothing', async () => {
    const before = await t.handle.db.selectFrom('org_kinds').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await admin.inject({
      method: 'POST', url: '/api/v1/org-kinds', payload: { code: 'loai_moi', nameVi: 'Loại\u0000mới', nameEn: 'New kind' }, headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body).details).toEqual([expect.objectContaining({ field: 'nameVi', messageEn: 'must not contain the NUL character (\\u0000)' })]);
    const after = await t.handle.db.selectFrom('org_kinds').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const query = await admin.inject({ url: '/api/v1/org-units?q=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(errorOf(query.body).details?.[0].field).toBe('q');
  });

  it.skipIf(database.skip)('answers a multipart body without a boundary with 400, not 500', async () => {
    const res = await admin.inject({ method: 'POST', url: '/api/v1/org-units/import', payload: '{', headers: { 'content-type': 'multipart/form-data' } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body).code).toBe('invalid_multipart');
  });
});
