import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, type Session } from '../../test/fixtures';
import { seedReporting, type ReportingSetup } from '../../test/reporting';

const databases = await testDatabases();

describe.each(databases)('the review chain on $name', (database) => {
  let t: TestApp;
  let setup: ReportingSetup;
  let s: Record<string, Session>;
  let wardReport: number;
  let districtReport: number;

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    setup = await t.handle.db.transaction().execute((tx) => seedReporting(tx, t.tree));
    s = {};
    for (const u of ['lanhdao-tu', 'tuyengiao-tu', 'baocao-qa', 'lanhdao-qa', 'baocao-pa1', 'baocao-qb', 'xem-tu', 'xem-qb']) s[u] = await login(t.app, u);
  });
  afterAll(async () => t?.close());

  const open = (who: string, unitId: number, period = '2021-H1') =>
    s[who].inject({ method: 'POST', url: '/api/v1/reports', payload: { scheduleId: setup.scheduleId, period, unitId } });

  it.skipIf(database.skip)('opens a ward report addressed to its district, with record-sourced figures filled and locked', async () => {
    const res = await open('baocao-pa1', t.tree.wardA1);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    wardReport = body.id;
    expect(body).toMatchObject({ status: 'draft', version: 1, view: 'working', reviewerUnitId: t.tree.districtA, dueDate: '2021-06-19', periodLabel: '6 tháng đầu năm 2021' });
    // The ward has one cell (Chi bộ A1); the source says so and lists it.
    expect(body.sourced.cells).toMatchObject({ value: 1, total: 1, records: [{ entity: 'org_unit', id: t.tree.cellA1, label: 'Chi bộ khu dân cư số 1' }] });
    const again = await open('baocao-pa1', t.tree.wardA1);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(wardReport);
    const typed = await s['baocao-pa1'].inject({ method: 'PUT', url: `/api/v1/reports/${wardReport}`, payload: { version: 1, values: { cells: 3 }, narrative: {} } });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.details[0].field).toBe('values.cells');
  });

  it.skipIf(database.skip)('refuses a unit that does not report, and a sibling filling someone else’s report', async () => {
    expect((await open('baocao-pa1', t.tree.cellA1)).statusCode).toBe(403);
    expect((await open('baocao-qb', t.tree.wardA1)).statusCode).toBe(403);
    const cell = await open('lanhdao-tu', t.tree.cellA1);
    expect(cell.statusCode).toBe(403);
  });

  it.skipIf(database.skip)('gives the later of two concurrent saves a 409, overwriting nothing', async () => {
    const first = await s['baocao-pa1'].inject({ method: 'PUT', url: `/api/v1/reports/${wardReport}`, payload: { version: 1, values: { members: 120 }, narrative: {} } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await s['baocao-pa1'].inject({ method: 'PUT', url: `/api/v1/reports/${wardReport}`, payload: { version: 1, values: { members: 999 }, narrative: {} } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('edit_conflict');
    const now = (await s['baocao-pa1'].inject({ url: `/api/v1/reports/${wardReport}` })).json();
    expect(now.values.members).toBe(120);
  });

  it.skipIf(database.skip)('blocks submission on a hard rule with a message naming the figures', async () => {
    await s['baocao-pa1'].inject({ method: 'PUT', url: `/api/v1/reports/${wardReport}`, payload: { version: 2, values: { members: 120, attending: 150, sessions: 10 }, narrative: { results: 'Tổ chức 10 buổi.' } } });
    const res = await s['baocao-pa1'].inject({ method: 'POST', url: `/api/v1/reports/${wardReport}/submit`, payload: { version: 3 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('"Số đảng viên tham gia học tập chuyên đề" (150) không được lớn hơn "Tổng số đảng viên" (120)');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['values.attending']);
    const en = await s['baocao-pa1'].inject({ method: 'POST', url: `/api/v1/reports/${wardReport}/submit`, payload: { version: 3 }, headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toContain('must not exceed');
  });

  it.skipIf(database.skip)('submits a snapshot; the district sees it, a sibling district does not', async () => {
    await s['baocao-pa1'].inject({ method: 'PUT', url: `/api/v1/reports/${wardReport}`, payload: {
      version: 3, values: { members: 120, attending: 110, sessions: 10, satisfaction: 90, has_model: true, rating: 'Tốt' },
      narrative: { results: 'Tổ chức 10 buổi sinh hoạt chuyên đề.\nMô hình "Dân vận khéo" được nhân rộng.', limitations: 'Một số chi bộ sinh hoạt còn hình thức.' },
    } });
    const res = await s['baocao-pa1'].inject({ method: 'POST', url: `/api/v1/reports/${wardReport}/submit`, payload: { version: 4 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', seq: 1, version: 5 });
    const asDistrict = await s['lanhdao-qa'].inject({ url: `/api/v1/reports/${wardReport}` });
    expect(asDistrict.statusCode).toBe(200);
    expect(asDistrict.json()).toMatchObject({ view: 'submitted', can: { review: true, edit: false } });
    expect((await s['baocao-qb'].inject({ url: `/api/v1/reports/${wardReport}` })).statusCode).toBe(403);
    expect((await s['baocao-pa1'].inject({ method: 'PUT', url: `/api/v1/reports/${wardReport}`, payload: { version: 5, values: {}, narrative: {} } })).json().error.code).toBe('not_editable');
    const inbox = await s['lanhdao-qa'].inject({ url: '/api/v1/review-inbox' });
    expect(inbox.json().map((r: { id: number }) => r.id)).toEqual([wardReport]);
    expect((await s['tuyengiao-tu'].inject({ url: '/api/v1/review-inbox' })).json()).toEqual([]);
  });

  it.skipIf(database.skip)('lets only the receiving level decide, and marks a highlight', async () => {
    expect((await s['tuyengiao-tu'].inject({ method: 'POST', url: `/api/v1/reports/${wardReport}/accept`, payload: {} })).statusCode).toBe(403);
    expect((await s['baocao-pa1'].inject({ method: 'POST', url: `/api/v1/reports/${wardReport}/accept`, payload: {} })).statusCode).toBe(403);
    const mark = await s['lanhdao-qa'].inject({ method: 'POST', url: `/api/v1/reports/${wardReport}/highlights`, payload: { section: 'results', paragraph: 1, note: 'nhân rộng' } });
    expect(mark.statusCode).toBe(201);
    expect((await s['lanhdao-qa'].inject({ method: 'POST', url: `/api/v1/reports/${wardReport}/highlights`, payload: { section: 'results', paragraph: 5 } })).statusCode).toBe(400);
    const ok = await s['lanhdao-qa'].inject({ method: 'POST', url: `/api/v1/reports/${wardReport}/accept`, payload: { comment: 'Đạt' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('accepted');
    const twice = await s['lanhdao-qa'].inject({ method: 'POST', url: `/api/v1/reports/${wardReport}/accept`, payload: {} });
    expect(twice.statusCode).toBe(409);
  });

  it.skipIf(database.skip)('shows the district its own figures beside the accepted subordinates’ aggregate, and the compiled narrative', async () => {
    const res = await open('baocao-qa', t.tree.districtA);
    districtReport = res.json().id;
    const body = res.json();
    expect(body.reviewerUnitId).toBe(t.tree.propaganda);
    expect(body.aggregate.members).toEqual({ value: 120, n: 1 });
    expect(body.aggregate.has_model).toEqual({ value: 1, n: 1 });
    // The ward's cell is the ward's: the district's own area has none.
    expect(body.sourced.cells.value).toBe(0);
    expect(body.aggregate.cells).toEqual({ value: 1, n: 1 });
    const compiled = (await s['baocao-qa'].inject({ url: `/api/v1/reports/${districtReport}/compiled` })).json();
    const results = compiled.sections.find((x: { code: string }) => x.code === 'results');
    expect(results.excerpts[0]).toMatchObject({ highlighted: true, unitId: t.tree.wardA1, text: 'Mô hình "Dân vận khéo" được nhân rộng.', note: 'nhân rộng' });
    expect(results.excerpts[1]).toMatchObject({ highlighted: false, unitId: t.tree.wardA1, text: 'Tổ chức 10 buổi sinh hoạt chuyên đề.' });
    expect(results.text).toContain('- Đảng ủy phường Vạn Hương: Mô hình');
    expect(compiled.pending).toEqual([]);
  });

  it.skipIf(database.skip)('runs submit → return with a comment → resubmit → accept, with versions and a diff', async () => {
    await s['baocao-qa'].inject({ method: 'PUT', url: `/api/v1/reports/${districtReport}`, payload: {
      version: 1, values: { members: 300, attending: 200, sessions: 12, satisfaction: 80, has_model: false }, narrative: { results: 'Quận tổ chức 12 buổi.' },
    } });
    const first = await s['baocao-qa'].inject({ method: 'POST', url: `/api/v1/reports/${districtReport}/submit`, payload: { version: 2 } });
    expect(first.json()).toMatchObject({ status: 'submitted', seq: 1 });
    expect((await s['xem-tu'].inject({ url: `/api/v1/reports/${districtReport}` })).json().view).toBe('submitted');
    const noComment = await s['tuyengiao-tu'].inject({ method: 'POST', url: `/api/v1/reports/${districtReport}/return`, payload: { comment: '  ' } });
    expect(noComment.statusCode).toBe(400);
    const back = await s['tuyengiao-tu'].inject({ method: 'POST', url: `/api/v1/reports/${districtReport}/return`, payload: { comment: 'Bổ sung số buổi sinh hoạt của các chi bộ trực thuộc' } });
    expect(back.json().status).toBe('returned');
    const mine = (await s['baocao-qa'].inject({ url: `/api/v1/reports/${districtReport}` })).json();
    expect(mine).toMatchObject({ status: 'returned', lastComment: 'Bổ sung số buổi sinh hoạt của các chi bộ trực thuộc', can: { edit: true } });
    await s['baocao-qa'].inject({ method: 'PUT', url: `/api/v1/reports/${districtReport}`, payload: {
      version: mine.version, values: { members: 300, attending: 200, sessions: 15, satisfaction: 80, has_model: false }, narrative: { results: 'Quận tổ chức 15 buổi.' },
    } });
    const second = await s['baocao-qa'].inject({ method: 'POST', url: `/api/v1/reports/${districtReport}/submit`, payload: { version: mine.version + 1 } });
    expect(second.json()).toMatchObject({ status: 'submitted', seq: 2 });
    const diff = (await s['lanhdao-tu'].inject({ url: `/api/v1/reports/${districtReport}/diff?from=1&to=2` })).json();
    expect(diff.values).toEqual([{ code: 'sessions', name: 'Số buổi sinh hoạt chuyên đề', before: 12, after: 15 }]);
    expect(diff.sections.find((x: { code: string }) => x.code === 'results').parts).toEqual([
      { op: 'same', text: 'Quận tổ chức ' }, { op: 'removed', text: '12' }, { op: 'added', text: '15' }, { op: 'same', text: ' buổi.' },
    ]);
    const v1 = (await s['lanhdao-tu'].inject({ url: `/api/v1/reports/${districtReport}/versions/1` })).json();
    expect(v1.values.sessions).toBe(12);
    // The city's leader decides for the department that receives for the city.
    const accepted = await s['lanhdao-tu'].inject({ method: 'POST', url: `/api/v1/reports/${districtReport}/accept`, payload: {} });
    expect(accepted.json().status).toBe('accepted');
    const events = (await s['baocao-qa'].inject({ url: `/api/v1/reports/${districtReport}` })).json().events.map((e: { action: string }) => e.action);
    expect(events).toEqual(['created', 'submitted', 'returned', 'submitted', 'accepted']);
  });

  it.skipIf(database.skip)('never shows a unit’s draft to anyone else, superiors included', async () => {
    const res = await open('baocao-qb', t.tree.districtB);
    const id = res.json().id;
    expect((await s['baocao-qa'].inject({ url: `/api/v1/reports/${id}` })).statusCode).toBe(403);
    expect((await s['lanhdao-tu'].inject({ url: `/api/v1/reports/${id}` })).statusCode).toBe(403);
    expect((await s['xem-qb'].inject({ url: `/api/v1/reports/${id}` })).statusCode).toBe(403);
    const listed = (await s['lanhdao-tu'].inject({ url: `/api/v1/reports?schedule=${setup.scheduleId}&period=2021-H1` })).json();
    expect(listed.map((r: { unitId: number }) => r.unitId).sort()).toEqual([t.tree.districtA, t.tree.wardA1].sort());
  });
});
