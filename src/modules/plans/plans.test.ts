import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, type Session } from '../../test/fixtures';
import { YEAR, cityPlanBody, daysAgo, makePlanUsers } from '../../test/plan-fixtures';
import { SYSTEM_CLI } from '../../core/actor';
import * as audit from '../audit/audit.service';
import * as registry from '../documents/documents.service';
import * as indicators from './plan-indicators.service';

const databases = await testDatabases();

describe.each(databases)('plans: draft, issue, amend, close on $name', (database) => {
  let t: TestApp;
  let leader: Session;
  let coordinator: Session;
  let viewer: Session;

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    await t.handle.db.transaction().execute((tx) => makePlanUsers(tx, t.tree));
    leader = await login(t.app, 'lanhdao');
    coordinator = await login(t.app, 'dieuphoi');
    viewer = await login(t.app, 'xem');
  });
  afterAll(async () => t?.close());

  const count = async (table: 'plans' | 'plan_tasks' | 'documents' | 'plan_versions') =>
    Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it.skipIf(database.skip)('drafts a plan with its task tree, then edits it keeping task ids', async () => {
    const created = await coordinator.inject({ method: 'POST', url: '/api/v1/plans', payload: cityPlanBody(t.tree) });
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ status: 'draft', showing: 'working', currentVersion: 0, number: null, issuerUnit: { id: t.tree.city } });
    expect(plan.tasks.map((x: { number: string }) => x.number)).toEqual(['1', '1.1', '1.2', '2', '2.1']);
    const first = plan.tasks[1];
    expect(first).toMatchObject({ title: 'Xây dựng chuyên đề toàn khóa', leadUnit: { id: t.tree.propaganda }, dueOn: `${YEAR}-12-31` });
    expect(first.coordinatingUnits.map((u: { id: number }) => u.id)).toEqual([t.tree.districtA, t.tree.districtB]);
    expect(plan.requiredUnits.map((u: { name: string }) => u.name)).toEqual(['Quận ủy Dương Kinh', 'Quận ủy Đồ Sơn']);
    expect(plan.can).toMatchObject({ edit: true, issue: false, delete: true });

    // Move task 1.2 to the second group and add a new subtask under 1.1: ids survive.
    const body = cityPlanBody(t.tree);
    const edited = {
      ...body,
      taskGroups: [
        { id: plan.tasks[0].id, title: 'Nhóm 1 (sửa)', tasks: [{ id: first.id, title: first.title, leadUnitId: t.tree.propaganda, tasks: [{ title: 'Việc con mới', leadUnitId: t.tree.districtA }] }] },
        { id: plan.tasks[3].id, title: 'Kiểm tra, giám sát', tasks: [
          { id: plan.tasks[4].id, title: 'Kiểm tra việc thực hiện tại các quận ủy', leadUnitId: t.tree.city },
          { id: plan.tasks[2].id, title: 'Hướng dẫn sinh hoạt chuyên đề', leadUnitId: t.tree.propaganda },
        ] },
      ],
    };
    const put = await coordinator.inject({ method: 'PUT', url: `/api/v1/plans/${plan.id}`, payload: edited });
    expect(put.statusCode).toBe(200);
    const after = put.json();
    expect(after.tasks.map((x: { number: string; title: string }) => `${x.number} ${x.title}`)).toEqual([
      '1 Nhóm 1 (sửa)', '1.1 Xây dựng chuyên đề toàn khóa', '1.1.1 Việc con mới', '2 Kiểm tra, giám sát',
      '2.1 Kiểm tra việc thực hiện tại các quận ủy', '2.2 Hướng dẫn sinh hoạt chuyên đề',
    ]);
    expect(after.tasks[5].id).toBe(plan.tasks[2].id);
    expect(after.tasks[1].coordinatingUnits).toEqual([]);
    expect(await count('plan_tasks')).toBe(6);
  });

  it.skipIf(database.skip)('refuses bad content naming the field, and writes nothing', async () => {
    const before = { plans: await count('plans'), tasks: await count('plan_tasks'), head: (await audit.verify(t.handle.db)).headSeq };
    const bad = cityPlanBody(t.tree, {
      requiredUnitIds: [t.tree.otherProvince],
      taskGroups: [{ title: 'Nhóm', tasks: [
        { title: 'Việc', leadUnitId: 99999, startOn: `${YEAR}-05-01`, dueOn: `${YEAR}-04-01` },
        { title: 'Việc 2', leadUnitId: t.tree.city, coordinatingUnitIds: [t.tree.city] },
      ] }],
    });
    const res = await coordinator.inject({ method: 'POST', url: '/api/v1/plans', payload: bad });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining([
      'taskGroups.0.tasks.0.leadUnitId', 'taskGroups.0.tasks.0.dueOn', 'taskGroups.0.tasks.1.coordinatingUnitIds', 'requiredUnitIds.0',
    ]));
    const shape = await coordinator.inject({ method: 'POST', url: '/api/v1/plans', payload: { ...cityPlanBody(t.tree), year: 'năm nay', taskGroups: [{ title: '' }] }, headers: { 'accept-language': 'en' } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.message).toContain('year: must be a number');
    expect(shape.json().error.message).toContain('taskGroups.0.title: must not be empty');
    const badDate = await coordinator.inject({ method: 'POST', url: '/api/v1/plans', payload: cityPlanBody(t.tree, { concretizeDueOn: `${YEAR}-02-30` }) });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toContain('concretizeDueOn: không phải là ngày có thật');
    expect(await count('plans')).toBe(before.plans);
    expect(await count('plan_tasks')).toBe(before.tasks);
    expect((await audit.verify(t.handle.db)).headSeq).toBe(before.head);
  });

  it.skipIf(database.skip)('issues a plan: registry document with implements links, version 1, then immutable', async () => {
    const directive = await t.handle.db.transaction().execute((tx) => registry.createDocument(tx, SYSTEM_CLI, {
      kind: 'chi_thi', number: '05-CT/TW', issuerName: 'Bộ Chính trị', issuedOn: '2016-05-15',
      title: 'Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', links: [],
    }));
    const plan = (await coordinator.inject({ method: 'POST', url: '/api/v1/plans', payload: cityPlanBody(t.tree, { implementsDocumentIds: [directive.id] }) })).json();
    expect(plan.implements).toEqual([expect.objectContaining({ number: '05-CT/TW', issuerName: 'Bộ Chính trị' })]);

    // A coordinator drafts but does not issue.
    const refused = await coordinator.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/issue`, payload: { number: '12-KH/TU', issuedOn: daysAgo(20) } });
    expect(refused.statusCode).toBe(403);
    const badNumber = await leader.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/issue`, payload: { number: '12-CT/TU', issuedOn: daysAgo(20) } });
    expect(badNumber.statusCode).toBe(400);
    expect(badNumber.json().error.details[0].field).toBe('number');
    const future = await leader.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/issue`, payload: { number: '12-KH/TU', issuedOn: `${YEAR + 1}-01-01` } });
    expect(future.statusCode).toBe(400);
    expect(await count('plan_versions')).toBe(0);

    const issued = await leader.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/issue`, payload: { number: ' 12 - kh/tu ', issuedOn: daysAgo(20) } });
    expect(issued.statusCode).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', number: '12-KH/TU', issuedOn: daysAgo(20), currentVersion: 1, showing: 'issued' });
    const doc = await t.handle.db.selectFrom('documents').selectAll().where('number_text', '=', '12-KH/TU').executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ kind: 'ke_hoach', issuer_unit_id: t.tree.city, issuer_name: 'Ban Thường vụ Thành ủy', kind_code: 'KH', issuer_code: 'TU' });
    const links = await t.handle.db.selectFrom('document_links').selectAll().where('from_document_id', '=', doc.id).execute();
    expect(links.map((l) => [l.to_document_id, l.kind])).toEqual([[directive.id, 'implements']]);

    const again = await coordinator.inject({ method: 'PUT', url: `/api/v1/plans/${plan.id}`, payload: cityPlanBody(t.tree) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('plan_not_editable');
    const dup = await leader.inject({ method: 'POST', url: '/api/v1/plans', payload: cityPlanBody(t.tree, { title: 'Kế hoạch khác' }) });
    const dupIssue = await leader.inject({ method: 'POST', url: `/api/v1/plans/${dup.json().id}/issue`, payload: { number: '12-KH/TU', issuedOn: daysAgo(19) } });
    expect(dupIssue.statusCode).toBe(409);
    expect(dupIssue.json().error.details.field).toBe('number');
    const deleted = await coordinator.inject({ method: 'DELETE', url: `/api/v1/plans/${plan.id}` });
    expect(deleted.statusCode).toBe(409);
    const gone = await coordinator.inject({ method: 'DELETE', url: `/api/v1/plans/${dup.json().id}` });
    expect(gone.statusCode).toBe(200);
    expect((await leader.inject({ url: `/api/v1/plans/${dup.json().id}` })).statusCode).toBe(404);

    const listed = await viewer.inject({ url: `/api/v1/plans?issuer=${t.tree.city}&year=${YEAR}` });
    expect(listed.statusCode).toBe(200);
    const item = listed.json().items.find((i: { id: number }) => i.id === plan.id);
    expect(item).toMatchObject({ number: '12-KH/TU', status: 'issued' });
    expect(item.taskGroups.map((g: { title: string }) => g.title)).toEqual(['Đưa nội dung học tập vào chương trình hành động', 'Kiểm tra, giám sát']);
    // Found by its number as well as by its title; the draft carries no number.
    const byNumber = (await viewer.inject({ url: `/api/v1/plans?q=${encodeURIComponent('12-kh/tu')}` })).json();
    expect(byNumber.items.map((i: { id: number }) => i.id)).toEqual([plan.id]);
  });

  it.skipIf(database.skip)('amends an issued plan through versions that can be listed and compared', async () => {
    const plan = (await coordinator.inject({ method: 'POST', url: '/api/v1/plans', payload: cityPlanBody(t.tree, { title: 'Kế hoạch sẽ sửa đổi' }) })).json();
    await leader.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/issue`, payload: { number: '20-KH/TU', issuedOn: daysAgo(15) } });
    const issued = (await coordinator.inject({ url: `/api/v1/plans/${plan.id}` })).json();

    const opened = await coordinator.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/amendment` });
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ amendmentOpen: true, showing: 'working' });
    const twice = await coordinator.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/amendment` });
    expect(twice.statusCode).toBe(409);

    // Rename task 1.1, drop task 1.2, add a task to group 2.
    const [g1, t11, , g2, t21] = issued.tasks;
    const amended = cityPlanBody(t.tree, {
      title: 'Kế hoạch sẽ sửa đổi',
      taskGroups: [
        { id: g1.id, title: g1.title, tasks: [{ id: t11.id, title: 'Xây dựng chuyên đề toàn khóa (bổ sung)', leadUnitId: t.tree.propaganda }] },
        { id: g2.id, title: g2.title, tasks: [{ id: t21.id, title: t21.title, leadUnitId: t.tree.city }, { title: 'Sơ kết 5 năm', leadUnitId: t.tree.propaganda }] },
      ],
    });
    expect((await coordinator.inject({ method: 'PUT', url: `/api/v1/plans/${plan.id}`, payload: amended })).statusCode).toBe(200);
    // Readers outside the unit still see version 1 while the amendment is open.
    const outside = (await login(t.app, 'qa')).inject({ url: `/api/v1/plans/${plan.id}` });
    const seen = (await outside).json();
    expect(seen.showing).toBe('issued');
    expect(seen.tasks.map((x: { title: string }) => x.title)).toContain('Hướng dẫn sinh hoạt chuyên đề');

    const noReason = await leader.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/amendment/issue`, payload: { issuedOn: daysAgo(3) } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    const early = await leader.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/amendment/issue`, payload: { reason: 'Bổ sung', issuedOn: daysAgo(30) } });
    expect(early.statusCode).toBe(400);
    const v2 = await leader.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/amendment/issue`, payload: { reason: 'Bổ sung nhiệm vụ sơ kết', issuedOn: daysAgo(3), number: '21-KH/TU' } });
    expect(v2.statusCode).toBe(200);
    expect(v2.json()).toMatchObject({ currentVersion: 2, amendmentOpen: false, number: '20-KH/TU' });

    const versions = (await viewer.inject({ url: `/api/v1/plans/${plan.id}/versions` })).json();
    expect(versions.map((v: { version: number; kind: string; number: string | null }) => [v.version, v.kind, v.number]))
      .toEqual([[1, 'issue', '20-KH/TU'], [2, 'amendment', '21-KH/TU']]);
    const diff = (await viewer.inject({ url: `/api/v1/plans/${plan.id}/compare?from=1&to=2` })).json();
    expect(diff.tasksRemoved.map((x: { title: string }) => x.title)).toEqual(['Hướng dẫn sinh hoạt chuyên đề']);
    expect(diff.tasksAdded.map((x: { title: string }) => x.title)).toEqual(['Sơ kết 5 năm']);
    expect(diff.tasksChanged.find((c: { id: number }) => c.id === t11.id).changes).toEqual(expect.arrayContaining([
      { field: 'title', before: 'Xây dựng chuyên đề toàn khóa', after: 'Xây dựng chuyên đề toàn khóa (bổ sung)' },
    ]));
    const v1 = (await viewer.inject({ url: `/api/v1/plans/${plan.id}/versions/1` })).json();
    expect(v1.tasks).toHaveLength(5);
    expect((await viewer.inject({ url: `/api/v1/plans/${plan.id}/versions/9` })).statusCode).toBe(404);
    const amendsLink = await t.handle.db.selectFrom('document_links as l').innerJoin('documents as d', 'd.id', 'l.to_document_id')
      .select(['l.kind', 'd.number_text']).where('l.kind', '=', 'amends').execute();
    expect(amendsLink).toEqual([{ kind: 'amends', number_text: '20-KH/TU' }]);

    // An amendment that is discarded leaves version 2 as it was.
    await coordinator.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/amendment` });
    await coordinator.inject({ method: 'PUT', url: `/api/v1/plans/${plan.id}`, payload: cityPlanBody(t.tree, { title: 'Đổi hẳn', taskGroups: [{ title: 'Chỉ một nhóm' }] }) });
    const discarded = await coordinator.inject({ method: 'DELETE', url: `/api/v1/plans/${plan.id}/amendment` });
    expect(discarded.statusCode).toBe(200);
    const restored = (await coordinator.inject({ url: `/api/v1/plans/${plan.id}` })).json();
    expect(restored).toMatchObject({ title: 'Kế hoạch sẽ sửa đổi', amendmentOpen: false, showing: 'issued' });
    expect(restored.tasks.map((x: { title: string }) => x.title)).toEqual(v2.json().tasks.map((x: { title: string }) => x.title));
    const working = await t.handle.db.selectFrom('plan_tasks').select(['id', 'title']).where('plan_id', '=', plan.id).where('removed_at', 'is', null).execute();
    expect(working.map((w) => w.id).sort()).toEqual(restored.tasks.map((x: { id: number }) => x.id).sort());

    const closeEarly = await leader.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/close`, payload: { closedOn: daysAgo(40) } });
    expect(closeEarly.statusCode).toBe(400);
    const closed = await leader.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/close`, payload: { closedOn: daysAgo(0), note: 'Hoàn thành' } });
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: daysAgo(0) });
    expect((await coordinator.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/amendment` })).statusCode).toBe(409);
    const trail = await audit.list(t.handle.db, { kind: 'system', name: 'test' }, { entity: 'plan', entityId: String(plan.id), limit: 50 });
    expect(trail.map((e) => e.action).reverse()).toEqual([
      'create', 'issue', 'amendment_open', 'update', 'amendment_issue', 'amendment_open', 'update', 'amendment_discard', 'close',
    ]);
    expect((await audit.verify(t.handle.db)).firstBad).toBeNull();
  });

  it.skipIf(database.skip)('links reporting indicators to tasks without an amendment, and finds tasks by indicator', async () => {
    const draft = (await coordinator.inject({ method: 'POST', url: '/api/v1/plans', payload: cityPlanBody(t.tree, { title: 'Kế hoạch có chỉ tiêu' }) })).json();
    const plan = (await leader.inject({ method: 'POST', url: `/api/v1/plans/${draft.id}/issue`, payload: { number: '30-KH/TU', issuedOn: daysAgo(10) } })).json();
    const taskId = plan.tasks[1].id;
    const linked = await t.handle.db.transaction().execute((tx) => indicators.setTaskIndicators(tx, SYSTEM_CLI, plan.id, taskId, [7, 3, 7]));
    expect(linked).toEqual([3, 7]);
    expect((await viewer.inject({ url: `/api/v1/plans/${plan.id}` })).json().tasks[1].indicatorIds).toEqual([3, 7]);
    expect(await indicators.tasksMeasuredBy(t.handle.db, 3)).toEqual([{ taskId, planId: plan.id }]);
    await expect(t.handle.db.transaction().execute((tx) => indicators.setTaskIndicators(tx, SYSTEM_CLI, plan.id, 999999, [1])))
      .rejects.toMatchObject({ status: 404 });
    await leader.inject({ method: 'POST', url: `/api/v1/plans/${plan.id}/close`, payload: { closedOn: daysAgo(0) } });
    await expect(t.handle.db.transaction().execute((tx) => indicators.setTaskIndicators(tx, SYSTEM_CLI, plan.id, taskId, [])))
      .rejects.toMatchObject({ status: 409, code: 'plan_closed' });
  });

  it.skipIf(database.skip)('answers 404 for a plan that does not exist and 401 without a session', async () => {
    expect((await leader.inject({ url: '/api/v1/plans/987654' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/plans' })).statusCode).toBe(401);
    expect((await leader.inject({ url: '/api/v1/plans/abc' })).statusCode).toBe(400);
  });
});
