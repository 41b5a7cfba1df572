import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { todayVn } from '../core/dates';
import { loadConfig } from '../config';
import type { DbHandle } from '../db/connection';
import { findUnitByCode } from '../modules/orgs/orgs.repository';
import { testDatabases } from '../test/databases';
import { login, type Session } from '../test/fixtures';
import { loadDemo } from './index';

const databases = await testDatabases();

describe.each(databases)('the demo plans on $name', (database) => {
  let handle: DbHandle;
  let app: FastifyInstance;
  let dataDir: string;
  const s: Record<string, Session> = {};
  const id = async (code: string) => (await findUnitByCode(handle.db, code))!.id;

  beforeAll(async () => {
    if (database.skip) return;
    handle = await database.open();
    await loadDemo(handle.db, { log: () => undefined });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-demo-plans-'));
    app = await buildApp({ handle, config: loadConfig({ WEB_DIST: '/nonexistent', DATA_DIR: dataDir }) });
    await app.ready();
    for (const name of ['xem', 'lanhdao', 'lechan', 'ngoquyen', 'tuyengiao', 'chibo']) s[name] = await login(app, name, 'lamtheo-demo');
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(database.skip)('lists the city 2021 plan with its six task groups, implementing the cited documents', async () => {
    const list = (await s.xem.inject({ url: `/api/v1/plans?issuer=${await id('TU-HP')}&year=2021` })).json();
    expect(list.total).toBe(1);
    const [plan] = list.items;
    expect(plan).toMatchObject({ number: '12-KH/TU', issuedOn: '2021-02-24', status: 'issued', issuingBody: 'Ban Thường vụ Thành ủy', requiredUnitCount: 20 });
    expect(plan.taskGroups.map((g: { title: string }) => g.title)).toEqual([
      expect.stringMatching(/^Đưa nội dung học tập/), expect.stringMatching(/^Sơ kết 5 năm/), expect.stringMatching(/^Kỷ niệm 75 năm/),
      expect.stringMatching(/Nghị quyết Trung ương 4 \(khóa XII\)$/), 'Công tác tuyên truyền', 'Kiểm tra, giám sát',
    ]);
    const detail = (await s.lechan.inject({ url: `/api/v1/plans/${plan.id}` })).json();
    expect(detail.implements.map((d: { number: string }) => d.number)).toEqual(['05-CT/TW', '03-KH/TW', '32-KH/TU']);
    // The registry's chain runs 05-CT/TW → 03-KH/TW → 32-KH/TU → the city's plan → the districts' plans → the wards'.
    const chain = (await s.lechan.inject({ url: `/api/v1/documents/${detail.documentId}/chain` })).json();
    expect(chain.up[0].documents.map((d: { number: string }) => d.number).sort()).toEqual(['03-KH/TW', '05-CT/TW', '32-KH/TU']);
    expect(chain.down[0].documents.map((d: { number: string }) => d.number)).toEqual(expect.arrayContaining(['18-KH/QU', '15-KH/QU', '22-KH/ĐU']));
    expect(chain.down[0].documents).toHaveLength(18);
    expect(chain.down[1].documents.map((d: { number: string }) => d.number).sort()).toEqual(['07-KH/ĐU', '09-KH/ĐU']);
    const schools = detail.tasks.find((t: { title: string }) => t.title.includes('Bác Hồ và những bài học'));
    expect(schools).toMatchObject({ leadUnit: { id: await id('TU-HP-BCSD') }, coordinatingUnits: [{ id: await id('UBND-HP-SGD') }] });
  });

  it.skipIf(database.skip)('shows the cascade: on time, late, a draft nobody above sees, one missing, wards below Lê Chân', async () => {
    const [plan] = (await s.lanhdao.inject({ url: `/api/v1/plans?issuer=${await id('TU-HP')}&year=2021` })).json().items;
    const cov = (await s.lanhdao.inject({ url: `/api/v1/plans/${plan.id}/coverage` })).json();
    expect(cov.rows).toHaveLength(20);
    const byId = new Map(cov.rows.map((r: { unit: { id: number } }) => [r.unit.id, r]));
    const row = async (code: string) => byId.get(await id(code)) as { state: string; childPlan: { number: string } | null; children: Array<{ state: string }> };
    expect((await row('DU-305')).state).toBe('issued_on_time');
    expect((await row('DU-303')).state).toBe('issued_late');
    expect((await row('DU-306')).state).toBe('overdue');
    expect((await row('DU-306')).childPlan).toBeNull();
    expect((await row('DU-316')).state).toBe('overdue');
    const wards = (await row('DU-305')).children;
    expect(wards.filter((w) => w.state === 'issued_on_time')).toHaveLength(1);
    expect(wards.filter((w) => w.state === 'issued_late')).toHaveLength(1);
    expect(wards.filter((w) => w.state === 'overdue').length).toBeGreaterThan(5);
    expect(cov.rollup).toMatchObject({ overdue: 2 + wards.length - 2, levels: 2 });
    expect(cov.rollup.issuedOnTime + cov.rollup.issuedLate).toBe(18 + 2);
  });

  it.skipIf(database.skip)('holds registrations in every state and the 2021 conferences', async () => {
    const regs = (await s.lanhdao.inject({ url: `/api/v1/registrations?body=${await id('TU-HP')}` })).json();
    expect(regs.counts).toMatchObject({ pending: 1, returned: 1, awaiting_confirmation: 1, resolved: 1, draft: 0 });
    expect(regs.counts.in_progress).toBe(3);
    // Lê Chân's and Thủy Nguyên's are past their 2021 deadlines; the agencies' long-term one runs to 2030.
    expect(regs.counts.overdue).toBe(todayVn() > '2030-12-31' ? 3 : 2);
    const own = (await s.lechan.inject({ url: '/api/v1/registrations?view=draft' })).json();
    expect(own.total).toBe(1);
    const events = (await s.chibo.inject({ url: '/api/v1/events' })).json();
    expect(events.items.map((e: { kind: string; heldOn: string }) => `${e.kind} ${e.heldOn}`)).toEqual(expect.arrayContaining([
      'hoc_tap 2021-04-09', 'so_ket 2021-10-19', 'ky_niem 2021-10-20', 'hoc_tap 2021-05-19',
    ]));
  });
});
