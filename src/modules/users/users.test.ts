import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../core/actor';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, makeUser } from '../../test/fixtures';
import * as orgs from '../orgs/orgs.service';
import * as users from './users.service';

const databases = await testDatabases();

describe.each(databases)('users of units that have ceased, on $name', ({ skip, ...database }) => {
  let t: TestApp;

  beforeAll(async () => {
    if (skip) return;
    t = await startTestApp({ skip, ...database });
    const { db } = t.handle;
    await makeUser(db, 'quantri', t.tree.city, [{ role: 'admin', unitId: t.tree.city }]);
    await makeUser(db, 'canbophuong', t.tree.wardA1, [{ role: 'reporter', unitId: t.tree.wardA1 }]);
    // The ward merges into its neighbour: the person's unit no longer exists today.
    await db.transaction().execute((tx) => orgs.mergeUnits(tx, SYSTEM_CLI, {
      sourceIds: [t.tree.wardA1], into: { unitId: t.tree.wardB1 }, effectiveDate: '2025-07-01',
    }));
  });
  afterAll(async () => t?.close());

  it.skipIf(skip)('stay listed, with the last name of their unit, for the admin who oversaw it', async () => {
    const admin = await login(t.app, 'quantri');
    const res = await admin.inject({ method: 'GET', url: '/api/v1/users' });
    expect(res.statusCode).toBe(200);
    const person = res.json().find((u: { username: string }) => u.username === 'canbophuong');
    expect(person).toMatchObject({ unitId: t.tree.wardA1, unitName: 'Đảng ủy phường Vạn Hương' });

    const one = await admin.inject({ method: 'GET', url: `/api/v1/users/${person.id}` });
    expect(one.json().unitName).toBe('Đảng ủy phường Vạn Hương');
    const searched = await admin.inject({ method: 'GET', url: '/api/v1/users?q=van huong' });
    expect(searched.json().map((u: { username: string }) => u.username)).toEqual(['canbophuong']);
  });

  it.skipIf(skip)('are not shown to someone who never oversaw the unit', async () => {
    await makeUser(t.handle.db, 'quantrikhac', t.tree.otherProvince, [{ role: 'admin', unitId: t.tree.otherProvince }]);
    const other = await login(t.app, 'quantrikhac');
    const res = await other.inject({ method: 'GET', url: '/api/v1/users' });
    expect(res.json().map((u: { username: string }) => u.username)).toEqual(['quantrikhac']);
  });
});

describe.each(databases)('finding people on $name', ({ skip, ...database }) => {
  let t: TestApp;

  beforeAll(async () => {
    if (skip) return;
    t = await startTestApp({ skip, ...database });
    await makeUser(t.handle.db, 'quantri', t.tree.city, [{ role: 'admin', unitId: t.tree.city }]);
    await users.createUser(t.handle.db, SYSTEM_CLI, { username: 'ntdung', displayName: 'Nguyễn Thị Dung', unitId: t.tree.districtA, password: 'mat-khau-du-dai-1', locale: 'vi' });
  });
  afterAll(async () => t?.close());

  it.skipIf(skip)('matches display names without diacritics, also after a rename', async () => {
    const admin = await login(t.app, 'quantri');
    const found = await admin.inject({ method: 'GET', url: '/api/v1/users?q=nguyen thi dung' });
    expect(found.json().map((u: { username: string }) => u.username)).toEqual(['ntdung']);
    const id = found.json()[0].id;
    await admin.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, payload: { displayName: 'Đặng Thị Dung' } });
    const renamed = await admin.inject({ method: 'GET', url: '/api/v1/users?q=dang thi' });
    expect(renamed.json().map((u: { username: string }) => u.username)).toEqual(['ntdung']);
    const old = await admin.inject({ method: 'GET', url: '/api/v1/users?q=nguyen' });
    expect(old.json()).toEqual([]);
  });
});
