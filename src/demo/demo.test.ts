import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import type { DbHandle } from '../db/connection';
import { isDemoDatabase } from '../db/meta';
import { findUnitByCode } from '../modules/orgs/orgs.repository';
import { testDatabases } from '../test/databases';
import { login, type Session } from '../test/fixtures';
import { DEMO_LOGINS, loadDemo } from './index';

const databases = await testDatabases();

interface Unit { id: number; code: string; name: string; kind: string; parentId: number | null }

describe.each(databases)('the Hai Phong demo on $name', (database) => {
  let handle: DbHandle;
  let app: FastifyInstance;
  let dataDir: string;
  let xem: Session;
  let loadSeconds = 0;
  const id = async (code: string) => (await findUnitByCode(handle.db, code))!.id;
  const tree = async (query: string): Promise<Unit[]> => (await xem.inject({ url: `/api/v1/org-units?${query}` })).json().units;

  beforeAll(async () => {
    if (database.skip) return;
    handle = await database.open();
    const started = Date.now();
    await loadDemo(handle.db, { log: () => undefined });
    loadSeconds = (Date.now() - started) / 1000;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-demo-'));
    app = await buildApp({ handle, config: loadConfig({ WEB_DIST: '/nonexistent', DATA_DIR: dataDir }) });
    await app.ready();
    xem = await login(app, 'xem', 'lamtheo-demo');
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(database.skip)('loads well under a minute, marked as the demo, every login working', async () => {
    expect(loadSeconds).toBeLessThan(45);
    expect(await isDemoDatabase(handle.db)).toBe(true);
    expect(DEMO_LOGINS.map((l) => l.username)).toEqual(['admin', 'lanhdao', 'tuyengiao', 'lechan', 'ngoquyen', 'kiemtra', 'bientap', 'xem', 'chibo']);
    for (const l of DEMO_LOGINS) {
      const s = await login(app, l.username, 'lamtheo-demo');
      const me = (await s.inject({ url: '/api/v1/me' })).json();
      expect(me.grants).toEqual(expect.arrayContaining([expect.objectContaining({ role: l.role, unitId: await id(l.unit) })]));
      expect(me.displayName).toMatch(/^\p{Lu}\p{Ll}+ /u);
    }
  });

  it.skipIf(database.skip)('lists the 15 district committees under the city as of mid-2021', async () => {
    const tuHp = await id('TU-HP');
    const units = await tree('hierarchy=party&asOf=2021-06-30');
    const districts = units.filter((u) => u.parentId === tuHp && /^DU-\d+$/.test(u.code));
    expect(districts.map((u) => u.code).sort()).toEqual(['DU-303', 'DU-304', 'DU-305', 'DU-306', 'DU-307', 'DU-308', 'DU-309', 'DU-311', 'DU-312', 'DU-313', 'DU-314', 'DU-315', 'DU-316', 'DU-317', 'DU-318']);
    expect(districts.every((u) => /^(Quận ủy|Huyện ủy) /.test(u.name) && ['quan_uy', 'huyen_uy'].includes(u.kind))).toBe(true);
    expect(districts.find((u) => u.code === 'DU-311')!.name).toBe('Huyện ủy Thủy Nguyên');
    expect(units.filter((u) => u.parentId === tuHp).map((u) => u.code)).toEqual(expect.arrayContaining(['TU-HP-BTV', 'TU-HP-BTG', 'TU-HP-UBKT', 'TU-HP-BTC', 'TU-HP-BDV', 'TU-HP-BNC', 'TU-HP-VP', 'TU-HP-BCSD', 'DUTT-KCQ']));
    expect(units.find((u) => u.code === 'TU-HD')!.parentId).toBeNull();
    const leChan = await id('DU-305');
    expect(units.filter((u) => u.parentId === leChan).every((u) => u.name.startsWith('Đảng ủy phường '))).toBe(true);
    expect(units.filter((u) => u.parentId === leChan)).toHaveLength(15);
    expect(units.some((u) => u.code.startsWith('XP25-'))).toBe(false);
  });

  it.skipIf(database.skip)('shows the 2025 structure from 1/7/2025: no district level, 114 communes under the city', async () => {
    const tuHp = await id('TU-HP');
    const units = await tree('hierarchy=party&asOf=2026-01-01');
    expect(units.filter((u) => u.code.startsWith('DU-'))).toEqual([]);
    const communes = units.filter((u) => u.parentId === tuHp && u.code.startsWith('XP25-'));
    expect(communes).toHaveLength(114);
    expect(communes.map((u) => u.name)).toEqual(expect.arrayContaining(['Đảng ủy phường Lê Chân', 'Đảng ủy đặc khu Cát Hải', 'Đảng ủy đặc khu Bạch Long Vĩ', 'Đảng ủy phường Hải Dương']));
    const codes = units.map((u) => u.code);
    expect(codes).toContain('TU-HP-BTGDV');
    expect(codes).not.toContain('TU-HP-BTG');
    expect(codes).not.toContain('TU-HD');
    expect(units.some((u) => u.code.startsWith('XP-'))).toBe(false);
    // Each dissolved district names the city as its successor.
    const lineage = (await xem.inject({ url: `/api/v1/org-units/${await id('DU-305')}/lineage` })).json();
    expect(lineage.currentSuccessors).toEqual([{ id: tuHp, name: 'Thành ủy Hải Phòng' }]);
  });

  it.skipIf(database.skip)('leads a 2021 ward through its lineage to a 2025 commune', async () => {
    // Phường An Dương (Lê Chân) was absorbed by Nghĩa Xá on 1/1/2025, which took its name; both became An Biên on 1/7/2025.
    const anDuong = (await xem.inject({ url: `/api/v1/org-units/${await id('XP-11377')}/lineage` })).json();
    expect(anDuong.currentSuccessors).toEqual([{ id: await id('XP25-11407'), name: 'Đảng ủy phường An Biên' }]);
    expect(anDuong.successors.map((e: { effectiveDate: string; kind: string }) => `${e.effectiveDate} ${e.kind}`))
      .toEqual(['2025-01-01 merge', '2025-01-01 rename', '2025-07-01 merge']);
    // Phường Lam Sơn: no evident absorber on 1/1/2025, so it goes straight to Phường Lê Chân on 1/7/2025.
    const lamSon = (await xem.inject({ url: `/api/v1/org-units/${await id('XP-11374')}/lineage` })).json();
    expect(lamSon.currentSuccessors).toEqual([{ id: await id('XP25-11383'), name: 'Đảng ủy phường Lê Chân' }]);
    const back = (await xem.inject({ url: `/api/v1/org-units/${await id('XP25-11383')}/lineage` })).json();
    expect(back.originalPredecessors.map((u: { name: string }) => u.name)).toEqual(expect.arrayContaining(['Đảng ủy phường Lam Sơn', 'Đảng ủy phường Dư Hàng Kênh']));
    // A Hai Duong commune ends in the merged city too.
    const haiDuong = (await xem.inject({ url: `/api/v1/org-units/${await id('XP-10507')}/lineage` })).json();
    expect(haiDuong.currentSuccessors.map((u: { name: string }) => u.name)).toEqual(['Đảng ủy phường Thành Đông']);
  });

  it.skipIf(database.skip)('keeps the school in both hierarchies, following its cell into the new commune', async () => {
    const school = await id('TH-THCS-HOANGDIEU');
    const then = (await xem.inject({ url: `/api/v1/org-units/${school}?asOf=2021-06-30` })).json();
    expect(then.parents).toEqual(expect.arrayContaining([
      { hierarchy: 'party', parentId: await id('CB-THCS-HOANGDIEU'), parentName: 'Chi bộ Trường THCS Hoàng Diệu' },
      { hierarchy: 'state', parentId: await id('UBND-HP-SGD'), parentName: 'Sở Giáo dục và Đào tạo' },
    ]));
    expect(then.ancestors.map((a: { name: string }) => a.name)).toEqual(['Chi bộ Trường THCS Hoàng Diệu', 'Đảng ủy phường Dư Hàng Kênh', 'Quận ủy Lê Chân', 'Thành ủy Hải Phòng']);
    const now = (await xem.inject({ url: `/api/v1/org-units/${school}?asOf=2026-01-01` })).json();
    expect(now.ancestors.map((a: { name: string }) => a.name)).toEqual(['Chi bộ Trường THCS Hoàng Diệu', 'Đảng ủy phường Lê Chân', 'Thành ủy Hải Phòng']);
    const state = await tree(`hierarchy=state&asOf=2021-06-30`);
    expect(state.map((u) => u.code).sort()).toEqual(['TH-THCS-HOANGDIEU', 'UBND-HP', 'UBND-HP-SGD']);
  });

  it.skipIf(database.skip)("records Thủy Nguyên's rename in its name history", async () => {
    const unit = (await xem.inject({ url: `/api/v1/org-units/${await id('DU-311')}?asOf=2025-03-01` })).json();
    expect(unit.name).toBe('Thành ủy Thủy Nguyên');
    expect(unit.versions).toEqual([
      { name: 'Huyện ủy Thủy Nguyên', shortName: null, kind: 'huyen_uy', validFrom: '2020-10-01', validTo: '2025-01-01' },
      { name: 'Thành ủy Thủy Nguyên', shortName: null, kind: 'quan_uy', validFrom: '2025-01-01', validTo: '2025-07-01' },
    ]);
    const anDuong = (await xem.inject({ url: `/api/v1/org-units/${await id('DU-312')}?asOf=2025-03-01` })).json();
    expect(anDuong.name).toBe('Quận ủy An Dương');
  });

  it.skipIf(database.skip)('lets the district reporter of 2021 work on that district as it was', async () => {
    const lechan = await login(app, 'lechan', 'lamtheo-demo');
    const res = await lechan.inject({ url: `/api/v1/org-units?hierarchy=party&asOf=2021-06-30&root=${await id('DU-305')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().units.length).toBe(1 + 15 + 30 + 1 + 1);
  });
});
