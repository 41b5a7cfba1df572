import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI, type UserActor } from '../../core/actor';
import type { DbHandle } from '../../db/connection';
import { testDatabases } from '../../test/databases';
import { seedTree, type Tree } from '../../test/fixtures';
import * as audit from '../audit/audit.service';
import { bulkCreateUnits, type BulkUnitInput } from './orgs.bulk';
import * as repo from './orgs.repository';
import * as orgs from './orgs.service';

const databases = await testDatabases();

const cell = (code: string, parent: string, validFrom = '2021-01-01'): BulkUnitInput =>
  ({ code, name: `Chi bộ ${code}`, kind: 'chi_bo', validFrom, parents: { party: parent } });

describe.each(databases)('bulk creation of units on $name', ({ skip, open }) => {
  let handle: DbHandle;
  let tree: Tree;

  beforeAll(async () => {
    if (skip) return;
    handle = await open();
    tree = await handle.db.transaction().execute((tx) => seedTree(tx));
  });
  afterAll(async () => handle?.close());

  it.skipIf(skip)('creates thousands of units in one batch under existing parents, with their closure', async () => {
    const db = handle.db;
    // 40 wards under district A, each with 50 cells: 2,040 units, children listed before parents.
    const units: BulkUnitInput[] = [];
    for (let w = 0; w < 40; w += 1) {
      for (let c = 0; c < 50; c += 1) units.push(cell(`BK-${w}-${c}`, `BK-${w}`));
      units.push({ code: `BK-${w}`, name: `Đảng ủy phường Thử ${w}`, kind: 'dang_uy_xa_phuong', validFrom: '2020-06-01', parents: { party: 'QA' } });
    }
    const started = Date.now();
    const result = await db.transaction().execute((tx) => bulkCreateUnits(tx, SYSTEM_CLI, units, { source: 'test' }));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.created).toHaveLength(2040);
    // Each ward: self + QA + TU (3 rows); each cell: self + ward + QA + TU (4 rows).
    expect(result.closureRows).toBe(40 * 3 + 2000 * 4);
    const ids = new Map(result.created.map((u) => [u.code, u.id]));
    expect(await repo.closureDepth(db, 'party', tree.city, ids.get('BK-7-49')!, '2021-06-30')).toBe(3);
    expect(await repo.closureDepth(db, 'party', tree.districtA, ids.get('BK-7-49')!, '2021-06-30')).toBe(2);
    expect(await repo.closureDepth(db, 'party', ids.get('BK-7')!, ids.get('BK-7-49')!, '2021-06-30')).toBe(1);
    expect(await repo.closureDepth(db, 'party', tree.districtB, ids.get('BK-7-49')!, '2021-06-30')).toBeNull();
    const subtree = await orgs.listUnits(db, SYSTEM_CLI, { hierarchy: 'party', asOf: '2021-06-30', root: ids.get('BK-3')! });
    expect(subtree.units).toHaveLength(51);
    // One audit entry for the attachment point, listing every unit.
    const entries = await audit.list(db, SYSTEM_CLI, { entity: 'org_unit', limit: 5 });
    const bulk = entries.find((e) => e.action === 'bulk_create')!;
    expect(bulk.unitId).toBe(tree.districtA);
    expect((bulk.after as { count: number }).count).toBe(2040);
  });

  it.skipIf(skip)('lets new units follow a restructuring of their parent recorded later', async () => {
    const db = handle.db;
    // The cell starts in 2021, under a ward that moved from district A to B on 2022-01-01.
    await db.transaction().execute((tx) => orgs.moveUnit(tx, SYSTEM_CLI, tree.wardA1, { hierarchy: 'party', parentId: tree.districtB, effectiveDate: '2022-01-01' }));
    const { created } = await db.transaction().execute((tx) => bulkCreateUnits(tx, SYSTEM_CLI, [cell('LATE-1', 'PA1', '2021-03-01')]));
    const id = created[0].id;
    expect(await repo.closureDepth(db, 'party', tree.districtA, id, '2021-06-30')).toBe(2);
    expect(await repo.closureDepth(db, 'party', tree.districtB, id, '2021-06-30')).toBeNull();
    expect(await repo.closureDepth(db, 'party', tree.districtA, id, '2022-06-30')).toBeNull();
    expect(await repo.closureDepth(db, 'party', tree.districtB, id, '2022-06-30')).toBe(2);
    expect(await repo.closureDepth(db, 'party', tree.city, id, '2022-06-30')).toBe(3);
    expect(await repo.closureDepth(db, 'party', tree.city, id, '2021-02-01')).toBeNull();
  });

  it.skipIf(skip)('places a unit in two hierarchies, a new root only for the system', async () => {
    const db = handle.db;
    const { created } = await db.transaction().execute((tx) => bulkCreateUnits(tx, SYSTEM_CLI, [
      { code: 'UB', name: 'Ủy ban nhân dân', kind: 'chinh_quyen', validFrom: '2020-01-01', parents: { state: null } },
      { code: 'TRUONG', name: 'Trường THCS Thử', kind: 'truong_hoc', validFrom: '2021-01-01', parents: { party: 'CBA1', state: 'UB' } },
    ]));
    const school = created.find((u) => u.code === 'TRUONG')!.id;
    const detail = await orgs.getUnit(db, SYSTEM_CLI, school, '2021-06-30');
    expect(detail.parents.map((p) => p.hierarchy).sort()).toEqual(['party', 'state']);
    expect(await repo.closureDepth(db, 'state', created[0].id, school, '2021-06-30')).toBe(1);
    const admin: UserActor = { kind: 'user', userId: 1, username: 'a', displayName: 'a', unitId: tree.city, grants: [{ role: 'admin', unitId: tree.city, hierarchy: 'party' }], via: 'session' };
    await expect(db.transaction().execute((tx) => bulkCreateUnits(tx, admin, [
      { code: 'ROOT-X', name: 'Gốc mới', kind: 'thanh_uy', validFrom: '2021-01-01', parents: { party: null } },
    ]))).rejects.toMatchObject({ status: 400, issues: [{ field: 'units.0.parents.party' }] });
  });

  it.skipIf(skip)('writes nothing when one unit is bad, and names every problem', async () => {
    const db = handle.db;
    const before = await repo.countUnits(db);
    const error = await db.transaction().execute((tx) => bulkCreateUnits(tx, SYSTEM_CLI, [
      cell('OK-1', 'QB'),
      { ...cell('OK-2', 'QB'), kind: 'khong_co' },
      cell('OK-1', 'KHONG-CO'),
      { ...cell('OK-3', 'OK-4'), validFrom: '2021-02-30' },
      cell('OK-4', 'OK-3'),
    ])).catch((e) => e);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
    const fields = (error.issues as Array<{ field: string }>).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining([
      'units.1.kind', 'units.2.code', 'units.2.parents.party', 'units.3.validFrom', 'units.3.parents.party', 'units.4.parents.party',
    ]));
    expect(await repo.countUnits(db)).toBe(before);
  });
});
