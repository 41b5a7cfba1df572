import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../core/actor';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, type Session } from '../../test/fixtures';
import { PDF_BYTES, cityPlanBody, daysAgo, makePlanUsers, multipart } from '../../test/plan-fixtures';
import * as lifecycle from '../plans/plan-lifecycle.service';
import * as plans from '../plans/plans.service';

const databases = await testDatabases();

describe.each(databases)('milestone events on $name', (database) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  let planId: number;
  let draftPlanId: number;
  let taskId: number;
  let documentId: number;

  const conference = (overrides: Record<string, unknown> = {}) => ({
    organizerUnitId: t.tree.city, kind: 'so_ket', title: 'Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW',
    heldOn: daysAgo(5), venue: 'Nhà hát Thành phố', participants: 'Cán bộ chủ chốt thành phố', participantCount: 450,
    outcome: 'Biểu dương 30 tập thể, 45 cá nhân tiêu biểu', planId, taskId, documentIds: [documentId], ...overrides,
  });
  const count = async () => Number((await t.handle.db.selectFrom('milestone_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    await t.handle.db.transaction().execute(async (tx) => {
      await makePlanUsers(tx, t.tree);
      const body = { implementsDocumentIds: [] as number[], ...cityPlanBody(t.tree) };
      const draft = await plans.createPlan(tx, SYSTEM_CLI, body);
      const issued = await lifecycle.issuePlan(tx, SYSTEM_CLI, draft.id, { number: '12-KH/TU', issuedOn: daysAgo(20) });
      planId = issued.id;
      taskId = issued.tasks[4].id;
      draftPlanId = (await plans.createPlan(tx, SYSTEM_CLI, { ...body, title: 'Dự thảo' })).id;
      documentId = issued.documentId!;
    });
    for (const name of ['lanhdao', 'dieuphoi', 'qa', 'qb', 'khac', 'xem']) s[name] = await login(t.app, name);
  });
  afterAll(async () => t?.close());

  it.skipIf(database.skip)('records a conference linked to the plan, its task and documents, with files', async () => {
    const created = await s.dieuphoi.inject({ method: 'POST', url: '/api/v1/events', payload: conference() });
    expect(created.statusCode).toBe(201);
    const event = created.json();
    expect(event).toMatchObject({
      organizer: { id: t.tree.city }, kind: 'so_ket', participantCount: 450, plan: { id: planId, number: '12-KH/TU' },
      task: { id: taskId }, documents: [{ id: documentId, number: '12-KH/TU' }], can: { edit: true },
    });
    expect((await s.qa.inject({ url: `/api/v1/events/${event.id}` })).json().can.edit).toBe(false);
    expect((await s.khac.inject({ url: `/api/v1/events/${event.id}` })).statusCode).toBe(403);
    expect((await s.qa.inject({ method: 'PUT', url: `/api/v1/events/${event.id}`, payload: { ...conference(), organizerUnitId: undefined } })).statusCode).toBe(403);

    const { organizerUnitId: _o, ...edit } = conference({ outcome: 'Biểu dương 32 tập thể', documentIds: [] });
    const updated = await s.lanhdao.inject({ method: 'PUT', url: `/api/v1/events/${event.id}`, payload: edit });
    expect(updated.json()).toMatchObject({ outcome: 'Biểu dương 32 tập thể', documents: [] });

    const withFile = await s.lanhdao.inject({ method: 'POST', url: `/api/v1/events/${event.id}/files`, ...multipart('files', [{ name: 'Báo cáo sơ kết.pdf', bytes: PDF_BYTES }]) });
    expect(withFile.statusCode).toBe(201);
    const fileId = withFile.json().files[0].id;
    expect((await s.qb.inject({ url: `/api/v1/events/${event.id}/files/${fileId}` })).rawPayload.equals(PDF_BYTES)).toBe(true);
    expect((await s.qa.inject({ method: 'POST', url: `/api/v1/events/${event.id}/files`, ...multipart('files', [{ name: 'x.pdf', bytes: PDF_BYTES }]) })).statusCode).toBe(403);
    expect((await s.lanhdao.inject({ method: 'POST', url: `/api/v1/events/${event.id}/files`, ...multipart('tep', [{ name: 'x.pdf', bytes: PDF_BYTES }]) })).json().error.details[0].field).toBe('tep');
  });

  it.skipIf(database.skip)('lists by plan, kind, dates and subtree; district events stay with their line', async () => {
    const district = await s.qa.inject({ method: 'POST', url: '/api/v1/events', payload: conference({ organizerUnitId: t.tree.districtA, kind: 'hoc_tap', title: 'Hội nghị học tập chuyên đề', heldOn: daysAgo(10), documentIds: [] }) });
    expect(district.statusCode).toBe(201);
    const byPlan = (await s.xem.inject({ url: `/api/v1/events?plan=${planId}` })).json();
    expect(byPlan.items.map((e: { kind: string }) => e.kind)).toEqual(['so_ket', 'hoc_tap']);
    expect((await s.xem.inject({ url: '/api/v1/events?kind=hoc_tap' })).json().total).toBe(1);
    expect((await s.xem.inject({ url: `/api/v1/events?from=${daysAgo(7)}&to=${daysAgo(0)}` })).json().total).toBe(1);
    expect((await s.xem.inject({ url: `/api/v1/events?unit=${t.tree.districtA}` })).json().items.map((e: { id: number }) => e.id)).toEqual([district.json().id]);
    expect((await s.xem.inject({ url: '/api/v1/events?q=so ket' })).json().total).toBe(1);
    expect((await s.qb.inject({ url: '/api/v1/events' })).json().items.map((e: { kind: string }) => e.kind)).toEqual(['so_ket']);
    expect((await s.khac.inject({ url: '/api/v1/events' })).json().total).toBe(0);
  });

  it.skipIf(database.skip)('refuses bad input naming the field, and writes nothing', async () => {
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'tiec' }, 'kind'],
      [{ heldOn: '05/10/2021' }, 'heldOn'],
      [{ planId: null }, 'taskId'],
      [{ taskId: 777777 }, 'taskId'],
      [{ planId: draftPlanId, taskId: null }, 'planId'],
      [{ planId: 888888, taskId: null }, 'planId'],
      [{ documentIds: [documentId, 999999] }, 'documentIds.1'],
      [{ participantCount: -3 }, 'participantCount'],
      [{ title: '   ' }, 'title'],
    ];
    for (const [patch, field] of cases) {
      const res = await s.lanhdao.inject({ method: 'POST', url: '/api/v1/events', payload: conference(patch) });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().error.details[0].field).toBe(field);
    }
    expect((await s.qa.inject({ method: 'POST', url: '/api/v1/events', payload: conference() })).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it.skipIf(database.skip)('deletes an event for its organizer only', async () => {
    const event = (await s.lanhdao.inject({ method: 'POST', url: '/api/v1/events', payload: conference({ kind: 'ky_niem', title: 'Kỷ niệm 75 năm Ngày Bác về thăm Hải Phòng' }) })).json();
    expect((await s.qa.inject({ method: 'DELETE', url: `/api/v1/events/${event.id}` })).statusCode).toBe(403);
    expect((await s.lanhdao.inject({ method: 'DELETE', url: `/api/v1/events/${event.id}` })).statusCode).toBe(200);
    expect((await s.lanhdao.inject({ url: `/api/v1/events/${event.id}` })).statusCode).toBe(404);
  });
});
