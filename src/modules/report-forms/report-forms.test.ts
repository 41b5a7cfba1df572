import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../core/actor';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, type Session } from '../../test/fixtures';
import { TEST_FORM, seedReporting, type ReportingSetup } from '../../test/reporting';
import * as plans from '../plans/plans.service';

const databases = await testDatabases();

describe.each(databases)('report forms on $name', (database) => {
  let t: TestApp;
  let setup: ReportingSetup;
  let btg: Session;
  let planId: number;
  let taskId: number;

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    setup = await t.handle.db.transaction().execute((tx) => seedReporting(tx, t.tree));
    btg = await login(t.app, 'tuyengiao-tu');
    const plan = await t.handle.db.transaction().execute((tx) => plans.createPlan(tx, SYSTEM_CLI, {
      issuerUnitId: t.tree.city, title: 'Kế hoạch thực hiện Chỉ thị 05 năm 2021', issuingBody: 'Ban Thường vụ Thành ủy', year: 2021, place: 'Hải Phòng',
      purposes: ['Mục đích'], requirements: [], implementation: [], implementsDocumentIds: [], requiredUnitIds: [], concretizeDueOn: null,
      signerCapacity: null, signerTitle: null, signerName: null, recipients: [],
      taskGroups: [{ title: 'Tuyên truyền', tasks: [{ title: 'Sinh hoạt chuyên đề', leadUnitId: t.tree.city }] }],
    }));
    planId = plan.id;
    taskId = plan.tasks[1].id;
  });
  afterAll(async () => t?.close());

  it.skipIf(database.skip)('publishes versions; a report keeps the version it was opened with', async () => {
    const changed = { ...TEST_FORM, indicators: [...TEST_FORM.indicators, { code: 'events', name: 'Số hội nghị', type: 'integer', aggregation: 'sum', required: false }] };
    const published = await btg.inject({ method: 'POST', url: `/api/v1/report-forms/${setup.formId}/versions`, payload: { baseVersion: 1, definition: changed, note: 'Thêm chỉ tiêu hội nghị' } });
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({ currentVersion: 2, version: 2, versions: [{ version: 1 }, { version: 2, note: 'Thêm chỉ tiêu hội nghị' }] });
    const stale = await btg.inject({ method: 'POST', url: `/api/v1/report-forms/${setup.formId}/versions`, payload: { baseVersion: 1, definition: changed } });
    expect(stale.statusCode).toBe(409);
    const v1 = (await btg.inject({ url: `/api/v1/report-forms/${setup.formId}?version=1` })).json();
    expect(v1.definition.indicators.map((i: { code: string }) => i.code)).not.toContain('events');
    const qa = await login(t.app, 'baocao-qa');
    const report = (await qa.inject({ method: 'POST', url: '/api/v1/reports', payload: { scheduleId: setup.scheduleId, period: '2022-H1', unitId: t.tree.districtA } })).json();
    expect(report.form.version).toBe(2);
  });

  it.skipIf(database.skip)('links indicators to a plan task, by stable ids the plan keeps', async () => {
    const leader = await login(t.app, 'lanhdao-tu');
    const res = await leader.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/tasks/${taskId}/indicators`, payload: { indicators: [{ formId: setup.formId, code: 'sessions' }, { formId: setup.formId, code: 'members' }] } });
    expect(res.statusCode).toBe(200);
    const refs = res.json();
    expect(refs.map((r: { code: string; name: string }) => [r.code, r.name])).toEqual(expect.arrayContaining([['sessions', 'Số buổi sinh hoạt chuyên đề'], ['members', 'Tổng số đảng viên']]));
    const plan = (await leader.inject({ url: `/api/v1/plans/${planId}` })).json();
    expect(plan.tasks[1].indicatorIds.sort()).toEqual(refs.map((r: { id: number }) => r.id).sort());
    const names = (await leader.inject({ url: `/api/v1/indicator-refs?ids=${refs.map((r: { id: number }) => r.id).join(',')}` })).json();
    expect(names).toHaveLength(2);
    const again = await leader.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/tasks/${taskId}/indicators`, payload: { indicators: [{ formId: setup.formId, code: 'sessions' }] } });
    expect(again.json().map((r: { id: number }) => r.id)).toEqual([refs.find((r: { code: string }) => r.code === 'sessions').id]);
    const bad = await leader.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/tasks/${taskId}/indicators`, payload: { indicators: [{ formId: setup.formId, code: 'khong_co' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('indicators.0.code');
    const before = (await t.handle.db.selectFrom('report_indicator_refs').select('id').execute()).length;
    const other = await login(t.app, 'baocao-qb');
    const refused = await other.inject({ method: 'PUT', url: `/api/v1/plans/${planId}/tasks/${taskId}/indicators`, payload: { indicators: [{ formId: setup.formId, code: 'attending' }] } });
    expect(refused.statusCode).toBe(403);
    expect((await t.handle.db.selectFrom('report_indicator_refs').select('id').execute()).length).toBe(before);
  });
});
