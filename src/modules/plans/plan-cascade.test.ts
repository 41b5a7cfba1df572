import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/dates';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, type Session } from '../../test/fixtures';
import { PDF_BYTES, TODAY, cityPlanBody, daysAgo, makePlanUsers, multipart } from '../../test/plan-fixtures';

const databases = await testDatabases();

interface TaskView { id: number; number: string; title: string; parentPlanTaskId: number | null; leadUnit: { id: number } | null; canPostProgress: boolean }

describe.each(databases)('plans: cascade, coverage and progress on $name', (database) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  let city: { id: number; tasks: TaskView[] };
  let planA: { id: number; tasks: TaskView[] };

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    await t.handle.db.transaction().execute((tx) => makePlanUsers(tx, t.tree));
    for (const name of ['lanhdao', 'tuyengiao', 'qa', 'qalead', 'qb', 'qblead', 'pa', 'palead', 'khac', 'xem']) s[name] = await login(t.app, name);
    const draft = (await s.lanhdao.inject({
      method: 'POST', url: '/api/v1/plans',
      payload: cityPlanBody(t.tree, { requiredUnitIds: [t.tree.districtA, t.tree.districtB, t.tree.propaganda] }),
    })).json();
    city = (await s.lanhdao.inject({ method: 'POST', url: `/api/v1/plans/${draft.id}/issue`, payload: { number: '12-KH/TU', issuedOn: daysAgo(20) } })).json();
  });
  afterAll(async () => t?.close());

  it.skipIf(database.skip)('lets a district concretize the city plan in one action, tasks linked to what they serve', async () => {
    const refused = await s.qa.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/concretize`, payload: { unitId: t.tree.districtB } });
    expect(refused.statusCode).toBe(403);
    const stranger = await s.khac.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/concretize`, payload: { unitId: t.tree.otherProvince } });
    expect(stranger.statusCode).toBe(403);
    const before = (await s.qa.inject({ url: `/api/v1/plans/${city.id}` })).json();
    expect(before.can.concretizeAs).toEqual([{ id: t.tree.districtA, name: 'Quận ủy Đồ Sơn' }]);

    const res = await s.qa.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/concretize`, payload: { unitId: t.tree.districtA } });
    expect(res.statusCode).toBe(201);
    const child = res.json();
    expect(child).toMatchObject({ status: 'draft', parentPlan: { id: city.id, number: '12-KH/TU' }, issuerUnit: { id: t.tree.districtA } });
    expect(child.implements.map((d: { number: string }) => d.number)).toEqual(['12-KH/TU']);
    expect(child.tasks.map((x: TaskView) => x.parentPlanTaskId)).toEqual(city.tasks.map((x) => x.id));
    expect(child.tasks.every((x: TaskView) => x.leadUnit?.id === t.tree.districtA)).toBe(true);

    const twice = await s.qa.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/concretize`, payload: { unitId: t.tree.districtA } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toMatchObject({ field: 'unitId', planId: child.id });

    // The district adds its own task and requires its ward to concretize in turn.
    const own = {
      title: child.title, issuingBody: 'Ban Thường vụ Quận ủy', year: child.year, place: 'Đồ Sơn',
      implementsDocumentIds: child.implements.map((d: { id: number }) => d.id), requiredUnitIds: [t.tree.wardA1], concretizeDueOn: addDays(TODAY, 10),
      taskGroups: [
        ...toInput(child.tasks),
        { title: 'Nhiệm vụ riêng của quận', tasks: [{ title: 'Mô hình dân vận khéo', leadUnitId: t.tree.districtA }] },
      ],
    };
    const saved = await s.qa.inject({ method: 'PUT', url: `/api/v1/plans/${child.id}`, payload: own });
    expect(saved.statusCode).toBe(200);
    const badLink = await s.qa.inject({ method: 'PUT', url: `/api/v1/plans/${child.id}`, payload: { ...own, taskGroups: [{ title: 'X', parentPlanTaskId: 999999 }] } });
    expect(badLink.statusCode).toBe(400);
    expect(badLink.json().error.details[0].field).toBe('taskGroups.0.parentPlanTaskId');
    expect((await s.qa.inject({ method: 'POST', url: `/api/v1/plans/${child.id}/issue`, payload: { number: '05-KH/QU', issuedOn: daysAgo(10) } })).statusCode).toBe(403);
    const early = await s.qalead.inject({ method: 'POST', url: `/api/v1/plans/${child.id}/issue`, payload: { number: '05-KH/QU', issuedOn: daysAgo(25) } });
    expect(early.statusCode).toBe(400);
    const issued = await s.qalead.inject({ method: 'POST', url: `/api/v1/plans/${child.id}/issue`, payload: { number: '05-KH/QU', issuedOn: daysAgo(10) } });
    expect(issued.statusCode).toBe(200);
    planA = issued.json();

    // District B starts from one task only: its group comes along.
    const partial = await s.qb.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/concretize`, payload: { unitId: t.tree.districtB, taskIds: [city.tasks[4].id] } });
    expect(partial.statusCode).toBe(201);
    expect(partial.json().tasks.map((x: TaskView) => x.parentPlanTaskId)).toEqual([city.tasks[3].id, city.tasks[4].id]);
    expect((await s.qblead.inject({ method: 'POST', url: `/api/v1/plans/${partial.json().id}/issue`, payload: { number: '07-KH/QU', issuedOn: daysAgo(2) } })).statusCode).toBe(200);
    const badTask = await s.pa.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/concretize`, payload: { unitId: t.tree.wardA1, taskIds: [424242] } });
    expect(badTask.statusCode).toBe(400);
    expect(badTask.json().error.details[0].field).toBe('taskIds.0');

    // The ward concretizes the district's plan; its draft stays invisible above it.
    const ward = await s.pa.inject({ method: 'POST', url: `/api/v1/plans/${planA.id}/concretize`, payload: { unitId: t.tree.wardA1 } });
    expect(ward.statusCode).toBe(201);
    expect((await s.qalead.inject({ url: `/api/v1/plans/${ward.json().id}` })).statusCode).toBe(403);
    expect((await s.qalead.inject({ url: `/api/v1/plans/${planA.id}` })).json().childPlans).toEqual([]);
    expect((await s.pa.inject({ url: `/api/v1/plans/${planA.id}` })).json().childPlans.map((c: { id: number }) => c.id)).toEqual([ward.json().id]);
    const covDraft = (await s.qalead.inject({ url: `/api/v1/plans/${planA.id}/coverage` })).json();
    expect(covDraft.rows[0]).toMatchObject({ unit: { id: t.tree.wardA1 }, state: 'not_issued', childPlan: null });
    expect((await s.palead.inject({ method: 'POST', url: `/api/v1/plans/${ward.json().id}/issue`, payload: { number: '02-KH/ĐU', issuedOn: daysAgo(1) } })).statusCode).toBe(200);
  });

  it.skipIf(database.skip)('shows coverage level by level with overdue and late units, rolled up for the subtree', async () => {
    expect((await s.qa.inject({ url: `/api/v1/plans/${city.id}/coverage` })).statusCode).toBe(403);
    const res = await s.xem.inject({ url: `/api/v1/plans/${city.id}/coverage` });
    expect(res.statusCode).toBe(200);
    const cov = res.json();
    const byUnit = new Map(cov.rows.map((r: { unit: { id: number } }) => [r.unit.id, r]));
    const a = byUnit.get(t.tree.districtA) as any;
    const b = byUnit.get(t.tree.districtB) as any;
    const p = byUnit.get(t.tree.propaganda) as any;
    expect(a).toMatchObject({ state: 'issued_on_time', childPlan: { id: planA.id, number: '05-KH/QU' }, coveredCount: 3, taskCount: 3, daysLate: null });
    expect(b).toMatchObject({ state: 'issued_late', daysLate: 3, coveredCount: 1 });
    expect(p).toMatchObject({ state: 'overdue', childPlan: null, daysLate: 5, coveredCount: 0 });
    expect(b.cells.filter((c: { covered: boolean }) => c.covered).map((c: { taskId: number }) => c.taskId)).toEqual([city.tasks[3].id, city.tasks[4].id]);
    expect(a.children).toHaveLength(1);
    expect(a.children[0]).toMatchObject({ unit: { id: t.tree.wardA1 }, state: 'issued_on_time', coveredCount: 4, taskCount: 4 });
    expect(cov.rollup).toMatchObject({ units: 4, issuedOnTime: 2, issuedLate: 1, overdue: 1, notIssued: 0, levels: 2 });
    const task21 = cov.rollup.tasks.find((x: { taskId: number }) => x.taskId === city.tasks[4].id);
    expect(task21.unitsCovering).toBe(3);
    const task11 = cov.rollup.tasks.find((x: { taskId: number }) => x.taskId === city.tasks[1].id);
    expect(task11.unitsCovering).toBe(2);
  });

  it.skipIf(database.skip)('takes progress from the lead unit only, with evidence files, and shows it in coverage', async () => {
    const task11 = city.tasks[1];
    const view = (await s.tuyengiao.inject({ url: `/api/v1/plans/${city.id}` })).json();
    expect(view.tasks[1].canPostProgress).toBe(true);
    expect(view.tasks[4].canPostProgress).toBe(false);
    expect((await s.qa.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/tasks/${task11.id}/progress`, payload: { percent: 10, narrative: 'x' } })).statusCode).toBe(403);
    expect((await s.lanhdao.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/tasks/${task11.id}/progress`, payload: { percent: 10, narrative: 'x' } })).statusCode).toBe(403);
    const bad = await s.tuyengiao.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/tasks/${task11.id}/progress`, payload: { percent: 140, narrative: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['narrative', 'percent']);
    const posted = await s.tuyengiao.inject({
      method: 'POST', url: `/api/v1/plans/${city.id}/tasks/${task11.id}/progress`,
      payload: { percent: 60, narrative: 'Đã ban hành chuyên đề toàn khóa', reportedOn: daysAgo(1) },
    });
    expect(posted.statusCode).toBe(201);
    const progressId = posted.json().id;

    const countFiles = async () => Number((await t.handle.db.selectFrom('files').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const filesBefore = await countFiles();
    const notPdf = multipart('files', [{ name: 'bien-ban.pdf', bytes: PDF_BYTES }, { name: 'ghi-chu.txt', bytes: Buffer.from('chỉ là chữ') }]);
    const refusedUpload = await s.tuyengiao.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/progress/${progressId}/files`, ...notPdf });
    expect(refusedUpload.statusCode).toBe(400);
    expect(refusedUpload.json().error.details[0].field).toBe('files.1');
    expect(await countFiles()).toBe(filesBefore);
    // The first file's bytes were saved before the second was refused: they are gone again.
    expect(filesOnDisk(path.join(t.app.config.dataDir, 'files'))).toEqual([]);
    const upload = multipart('files', [{ name: 'Biên bản hội nghị.pdf', bytes: PDF_BYTES }]);
    expect((await s.qa.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/progress/${progressId}/files`, ...upload })).statusCode).toBe(403);
    const attached = await s.tuyengiao.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/progress/${progressId}/files`, ...upload });
    expect(attached.statusCode).toBe(201);
    const file = attached.json().files[0];
    expect(file).toMatchObject({ name: 'Biên bản hội nghị.pdf', mimeType: 'application/pdf' });
    const download = await s.qa.inject({ url: `/api/v1/plans/${city.id}/progress/${progressId}/files/${file.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF_BYTES)).toBe(true);
    expect(String(download.headers['content-disposition'])).toContain("filename*=UTF-8''Bi%C3%AAn");
    expect((await s.khac.inject({ url: `/api/v1/plans/${city.id}/progress/${progressId}/files/${file.id}` })).statusCode).toBe(403);

    const list = (await s.xem.inject({ url: `/api/v1/plans/${city.id}/tasks/${task11.id}/progress` })).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ percent: 60, unit: { id: t.tree.propaganda }, files: [{ id: file.id }] });

    // District A reports on its task serving the city's 2.1: the city's coverage shows it.
    const aTask = planA.tasks.find((x) => x.parentPlanTaskId === city.tasks[4].id)!;
    expect((await s.qa.inject({ method: 'POST', url: `/api/v1/plans/${planA.id}/tasks/${aTask.id}/progress`, payload: { percent: 40, narrative: 'Đã kiểm tra 3 phường', reportedOn: daysAgo(1) } })).statusCode).toBe(201);
    const cov = (await s.lanhdao.inject({ url: `/api/v1/plans/${city.id}/coverage` })).json();
    const rowA = cov.rows.find((r: { unit: { id: number } }) => r.unit.id === t.tree.districtA);
    expect(rowA.cells.find((c: { taskId: number }) => c.taskId === city.tasks[4].id).latestProgress).toEqual({ percent: 40, reportedOn: daysAgo(1) });
    const detail = (await s.xem.inject({ url: `/api/v1/plans/${city.id}` })).json();
    expect(detail.tasks[1].latestProgress).toMatchObject({ percent: 60 });
  });

  it.skipIf(database.skip)('refuses progress on a closed plan and on a task that is not in the issued version', async () => {
    const missing = await s.tuyengiao.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/tasks/${planA.tasks[0].id}/progress`, payload: { percent: 5, narrative: 'x' } });
    expect(missing.statusCode).toBe(404);
    const future = await s.tuyengiao.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/tasks/${city.tasks[1].id}/progress`, payload: { percent: 5, narrative: 'x', reportedOn: addDays(TODAY, 3) } });
    expect(future.statusCode).toBe(400);
    await s.lanhdao.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/close`, payload: { closedOn: TODAY } });
    const closed = await s.tuyengiao.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/tasks/${city.tasks[1].id}/progress`, payload: { percent: 5, narrative: 'x' } });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('plan_closed');
    const concretizeClosed = await s.pa.inject({ method: 'POST', url: `/api/v1/plans/${city.id}/concretize`, payload: { unitId: t.tree.wardA1 } });
    expect(concretizeClosed.statusCode).toBe(409);
  });
});

function filesOnDisk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

/** A plan's flat task list back to the nested input, keeping ids and links. */
function toInput(tasks: Array<TaskView & { parentId: number | null }>): unknown[] {
  const build = (parentId: number | null): unknown[] => tasks.filter((x) => x.parentId === parentId).map((x) => ({
    id: x.id, title: x.title, leadUnitId: x.leadUnit?.id ?? null, parentPlanTaskId: x.parentPlanTaskId, tasks: build(x.id),
  }));
  return build(null);
}
