import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../core/actor';
import type { DbHandle } from '../../db/connection';
import { testDatabases } from '../../test/databases';
import { seedTree, type Tree } from '../../test/fixtures';
import * as repo from './orgs.repository';
import * as orgs from './orgs.service';

const databases = await testDatabases();

describe.each(databases)('org hierarchy on $name', ({ skip, open }) => {
  let handle: DbHandle;
  let tree: Tree;

  beforeAll(async () => {
    if (skip) return;
    handle = await open();
    tree = await seedTree(handle.db);
  });
  afterAll(async () => handle?.close());

  it.skipIf(skip)('lists the tree as of a date with parents', async () => {
    const { units } = await orgs.listUnits(handle.db, SYSTEM_CLI, { hierarchy: 'party', asOf: '2021-01-01' });
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get('QA')?.parentId).toBe(tree.city);
    expect(byCode.get('CBA1')?.parentId).toBe(tree.wardA1);
    expect(byCode.get('TU')?.parentId).toBeNull();
    const before = await orgs.listUnits(handle.db, SYSTEM_CLI, { hierarchy: 'party', asOf: '2019-12-31' });
    expect(before.units).toHaveLength(0);
  });

  it.skipIf(skip)('keeps the closure table in step through move, rename, merge and split', async () => {
    const db = handle.db;
    // A ward moves from district A to district B on 2022-01-01.
    await db.transaction().execute((tx) => orgs.moveUnit(tx, SYSTEM_CLI, tree.wardA1, { hierarchy: 'party', parentId: tree.districtB, effectiveDate: '2022-01-01' }));
    expect(await repo.closureDepth(db, 'party', tree.districtA, tree.cellA1, '2021-12-31')).toBe(2);
    expect(await repo.closureDepth(db, 'party', tree.districtA, tree.cellA1, '2022-01-01')).toBeNull();
    expect(await repo.closureDepth(db, 'party', tree.districtB, tree.cellA1, '2022-01-01')).toBe(2);
    expect(await repo.closureDepth(db, 'party', tree.city, tree.cellA1, '2022-06-01')).toBe(3);

    await db.transaction().execute((tx) => orgs.renameUnit(tx, SYSTEM_CLI, tree.districtB, { name: 'Thị ủy Dương Kinh', effectiveDate: '2023-01-01' }));
    const old = await orgs.getUnit(db, SYSTEM_CLI, tree.districtB, '2022-06-01');
    const renamed = await orgs.getUnit(db, SYSTEM_CLI, tree.districtB, '2023-06-01');
    expect(old.name).toBe('Quận ủy Dương Kinh');
    expect(renamed.name).toBe('Thị ủy Dương Kinh');

    // Two wards merge into a new one directly under the city; their cells follow.
    const merge = await db.transaction().execute((tx) => orgs.mergeUnits(tx, SYSTEM_CLI, {
      sourceIds: [tree.wardA1, tree.wardB1],
      into: { newUnit: { code: 'PM', name: 'Đảng ủy phường Mới', kind: 'dang_uy_xa_phuong', parentId: tree.city } },
      effectiveDate: '2025-07-01',
    }));
    const merged = merge.created[0].id;
    expect(await repo.closureDepth(db, 'party', merged, tree.cellA1, '2025-07-01')).toBe(1);
    expect(await repo.closureDepth(db, 'party', tree.city, tree.cellA1, '2025-07-01')).toBe(2);
    expect(await repo.closureDepth(db, 'party', tree.districtB, tree.cellA1, '2025-07-01')).toBeNull();
    expect(await repo.closureDepth(db, 'party', tree.districtB, tree.cellA1, '2025-06-30')).toBe(2);

    const lineage = await orgs.getLineage(db, SYSTEM_CLI, tree.wardA1);
    expect(lineage.currentSuccessors.map((u) => u.id)).toEqual([merged]);
    const back = await orgs.getLineage(db, SYSTEM_CLI, merged);
    expect(back.originalPredecessors.map((u) => u.id).sort()).toEqual([tree.wardA1, tree.wardB1].sort());

    // The 2021 tree is untouched by everything recorded since.
    const then = await orgs.listUnits(db, SYSTEM_CLI, { hierarchy: 'party', asOf: '2021-06-30', root: tree.districtA });
    expect(then.units.map((u) => u.code).sort()).toEqual(['CBA1', 'PA1', 'QA']);
  });

  it.skipIf(skip)('refuses a change dated before one already recorded', async () => {
    await expect(handle.db.transaction().execute((tx) => orgs.renameUnit(tx, SYSTEM_CLI, tree.districtB, { name: 'Quận ủy DK', effectiveDate: '2022-06-01' })))
      .rejects.toMatchObject({ status: 409, code: 'out_of_order' });
  });

  it.skipIf(skip)('splits a unit and distributes its children', async () => {
    const db = handle.db;
    const { units } = await orgs.listUnits(db, SYSTEM_CLI, { hierarchy: 'party', asOf: '2025-08-01', root: tree.districtA, depth: 1 });
    expect(units.map((u) => u.code)).toEqual(['QA']);
    const result = await db.transaction().execute((tx) => orgs.splitUnit(tx, SYSTEM_CLI, tree.districtA, {
      parts: [
        { code: 'QA-N', name: 'Bắc', kind: 'quan_uy', childIds: [] },
        { code: 'QA-S', name: 'Nam', kind: 'quan_uy', childIds: [] },
      ],
      effectiveDate: '2025-08-01',
    }));
    expect(result.created).toHaveLength(2);
    const after = await orgs.listUnits(db, SYSTEM_CLI, { hierarchy: 'party', asOf: '2025-08-01', root: tree.city, depth: 1 });
    expect(after.units.map((u) => u.code)).toEqual(expect.arrayContaining(['QA-N', 'QA-S']));
    expect(after.units.map((u) => u.code)).not.toContain('QA');
    const lineage = await orgs.getLineage(db, SYSTEM_CLI, tree.districtA);
    expect(lineage.currentSuccessors.map((u) => u.name).sort()).toEqual(['Bắc', 'Nam']);
  });
});
