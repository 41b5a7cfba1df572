import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../core/actor';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login } from '../../test/fixtures';
import { seedReporting, type ReportingSetup } from '../../test/reporting';
import * as orgs from '../orgs/orgs.service';
import { loadSchedule } from './report-schedules.service';
import { reportingStructure } from './report-schedules.structure';

const databases = await testDatabases();

describe.each(databases)('reporting schedules on $name', (database) => {
  let t: TestApp;
  let setup: ReportingSetup;

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    setup = await t.handle.db.transaction().execute(async (tx) => {
      const s = await seedReporting(tx, t.tree);
      // A second ward under district A, and an agency cell included by hand under district B.
      await orgs.createUnit(tx, SYSTEM_CLI, { code: 'PA2', name: 'Đảng ủy phường A2', kind: 'dang_uy_xa_phuong', parentId: t.tree.districtA, hierarchy: 'party', validFrom: '2020-01-01' });
      return s;
    });
  });
  afterAll(async () => t?.close());

  it.skipIf(database.skip)('lists its periods with Decree 09 dates and deadlines', async () => {
    const res = await (await login(t.app, 'xem-tu')).inject({ url: `/api/v1/report-schedules/${setup.scheduleId}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().periods.slice(0, 2)).toEqual([
      { key: '2021-H1', label: '6 tháng đầu năm 2021', start: '2020-12-15', end: '2021-06-14', dueDate: '2021-06-19' },
      { key: '2021-H2', label: '6 tháng cuối năm 2021', start: '2021-06-15', end: '2021-12-14', dueDate: '2021-12-19' },
    ]);
  });

  it.skipIf(database.skip)('sends each report to the nearest reporting superior, the top level to the receiving department', async () => {
    const schedule = await loadSchedule(t.handle.db, setup.scheduleId);
    const full = await reportingStructure(t.handle.db, schedule, '2021-H1');
    const reviewer = (id: number) => full.byId.get(id)?.reviewerUnitId;
    expect(reviewer(t.tree.wardA1)).toBe(t.tree.districtA);
    expect(reviewer(t.tree.districtA)).toBe(t.tree.propaganda);
    expect(full.byId.has(t.tree.cellA1)).toBe(false);
  });

  it.skipIf(database.skip)('builds the part inside one unit exactly as the whole structure has it', async () => {
    const db = t.handle.db;
    const schedule = await loadSchedule(db, setup.scheduleId);
    const full = await reportingStructure(db, schedule, '2021-H1');
    for (const within of [t.tree.districtA, t.tree.wardA1, t.tree.districtB, t.tree.propaganda]) {
      const part = await reportingStructure(db, schedule, '2021-H1', { within });
      const inside = new Set((await db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', within).execute()).map((r) => r.descendant_id));
      const expected = full.units.filter((u) => inside.has(u.unitId)).map((u) => [u.unitId, u.parentReporterId, u.reviewerUnitId]);
      expect(part.units.map((u) => [u.unitId, u.parentReporterId, u.reviewerUnitId]), `within ${within}`).toEqual(expected);
    }
  });

  it.skipIf(database.skip)('refuses a receiving department outside the unit, and periods of another type', async () => {
    const admin = await login(t.app, 'lanhdao-tu');
    const base = { name: 'L', formId: setup.formId, unitId: t.tree.districtA, periodType: 'year', dueOffsetDays: 10, firstPeriod: '2021', scope: { kinds: ['dang_uy_xa_phuong'] } };
    const outside = await admin.inject({ method: 'POST', url: '/api/v1/report-schedules', payload: { ...base, recipientUnitId: t.tree.propaganda } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].field).toBe('recipientUnitId');
    const mixed = await admin.inject({ method: 'POST', url: '/api/v1/report-schedules', payload: { ...base, lastPeriod: '2022-H1' } });
    expect(mixed.json().error.details[0].field).toBe('lastPeriod');
    const ok = await admin.inject({ method: 'POST', url: '/api/v1/report-schedules', payload: base });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ cutoff: 'calendar', reminderDays: [7, 3, 1], lastPeriod: null });
    // Open-ended: every year from 2021 up to the one in progress.
    expect(ok.json().periods[0]).toMatchObject({ key: '2021', dueDate: '2022-01-10' });
    expect(ok.json().periods.length).toBeGreaterThan(3);
  });
});
