/**
 * The plan permissions as a matrix: every role, placed at every relation to a plan of district A
 * (self = district A, descendant = the city above it, ancestor = its ward, sibling = district B,
 * unrelated = another province). The expectations are written out here, not read from POLICY,
 * so a change to the policy has to be made on purpose in both places.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, SYSTEM_CLI, type Role } from '../../core/actor';
import type { Relation } from '../../core/permissions';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, makeUser, type Session } from '../../test/fixtures';
import { YEAR, daysAgo } from '../../test/plan-fixtures';
import * as lifecycle from './plan-lifecycle.service';
import * as plans from './plans.service';

const databases = await testDatabases();
const RELATIONS: Relation[] = ['self', 'descendant', 'ancestor', 'sibling', 'unrelated'];
const DRAFTERS: Role[] = ['admin', 'leader', 'coordinator', 'reporter'];

const expected = {
  /** A unit's unissued work is seen by the unit only: not by superiors, never by siblings. */
  readDraft: (_role: Role, rel: Relation) => rel === 'self',
  readIssued: (_role: Role, rel: Relation) => rel === 'self' || rel === 'descendant' || rel === 'ancestor',
  editDraft: (role: Role, rel: Relation) => rel === 'self' && DRAFTERS.includes(role),
  issue: (role: Role, rel: Relation) => rel === 'self' && (role === 'admin' || role === 'leader'),
  coverage: (_role: Role, rel: Relation) => rel === 'self' || rel === 'descendant',
  progress: (role: Role, rel: Relation) => rel === 'self' && DRAFTERS.includes(role),
};

describe.each(databases)('plan permissions matrix on $name', (database) => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  let draftId: number;
  let issuedId: number;
  let issuedTaskId: number;
  const key = (role: Role, rel: Relation) => `${role}-${rel}`;

  const body = (issuerUnitId: number, title: string) => ({
    issuerUnitId, title, issuingBody: 'Ban Thường vụ Quận ủy', year: YEAR, place: 'Đồ Sơn', purposes: [], requirements: [], implementation: [],
    implementsDocumentIds: [], requiredUnitIds: [t.tree.wardA1], concretizeDueOn: daysAgo(1), recipients: [],
    signerCapacity: null, signerTitle: null, signerName: null,
    taskGroups: [{ title: 'Nhóm', tasks: [{ title: 'Việc của quận', leadUnitId: t.tree.districtA }] }],
  });

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    const at: Record<Relation, number> = {
      self: t.tree.districtA, descendant: t.tree.city, ancestor: t.tree.wardA1, sibling: t.tree.districtB, unrelated: t.tree.otherProvince,
    };
    await t.handle.db.transaction().execute(async (tx) => {
      for (const role of ROLES) for (const rel of RELATIONS) await makeUser(tx, key(role, rel), at[rel], [{ role, unitId: at[rel] }]);
      draftId = (await plans.createPlan(tx, SYSTEM_CLI, body(t.tree.districtA, 'Dự thảo của quận A'))).id;
      const issued = await plans.createPlan(tx, SYSTEM_CLI, body(t.tree.districtA, 'Kế hoạch đã ban hành của quận A'));
      const done = await lifecycle.issuePlan(tx, SYSTEM_CLI, issued.id, { number: '01-KH/QU', issuedOn: daysAgo(3) });
      issuedId = done.id;
      issuedTaskId = done.tasks[1].id;
    });
    for (const role of ROLES) for (const rel of RELATIONS) sessions.set(key(role, rel), await login(t.app, key(role, rel)));
  });
  afterAll(async () => t?.close());

  const cases = ROLES.flatMap((role) => RELATIONS.map((rel) => ({ role, rel })));

  it.skipIf(database.skip).each(cases)('$role at $rel: read, list, edit, coverage, progress', async ({ role, rel }) => {
    const s = sessions.get(key(role, rel))!;
    const status = (ok: boolean) => (ok ? 200 : 403);
    expect((await s.inject({ url: `/api/v1/plans/${draftId}` })).statusCode).toBe(status(expected.readDraft(role, rel)));
    expect((await s.inject({ url: `/api/v1/plans/${issuedId}` })).statusCode).toBe(status(expected.readIssued(role, rel)));
    const listed = (await s.inject({ url: `/api/v1/plans?issuer=${t.tree.districtA}` })).json().items.map((i: { id: number }) => i.id);
    expect(listed.includes(draftId)).toBe(expected.readDraft(role, rel));
    expect(listed.includes(issuedId)).toBe(expected.readIssued(role, rel));
    const { issuerUnitId: _ignored, ...content } = body(t.tree.districtA, 'Dự thảo của quận A');
    const edit = await s.inject({ method: 'PUT', url: `/api/v1/plans/${draftId}`, payload: content });
    expect(edit.statusCode).toBe(status(expected.editDraft(role, rel)));
    expect((await s.inject({ url: `/api/v1/plans/${issuedId}/coverage` })).statusCode).toBe(status(expected.coverage(role, rel)));
    const progress = await s.inject({ method: 'POST', url: `/api/v1/plans/${issuedId}/tasks/${issuedTaskId}/progress`, payload: { percent: 10, narrative: `${role} ${rel}` } });
    expect(progress.statusCode).toBe(expected.progress(role, rel) ? 201 : 403);
  });

  it.skipIf(database.skip).each(cases)('$role at $rel: issue', async ({ role, rel }) => {
    const fresh = await t.handle.db.transaction().execute((tx) => plans.createPlan(tx, SYSTEM_CLI, body(t.tree.districtA, `Để ban hành ${role} ${rel}`)));
    const res = await sessions.get(key(role, rel))!.inject({
      method: 'POST', url: `/api/v1/plans/${fresh.id}/issue`, payload: { number: `${ROLES.indexOf(role) * 10 + RELATIONS.indexOf(rel) + 100}-KH/QU`, issuedOn: daysAgo(1) },
    });
    expect(res.statusCode).toBe(expected.issue(role, rel) ? 200 : 403);
  });

  it.skipIf(database.skip)('records every refusal in the audit trail', async () => {
    const denied = await t.handle.db.selectFrom('audit_log').select(['after_json']).where('entity', '=', 'access').where('action', '=', 'denied').execute();
    const actions = denied.map((d) => JSON.parse(d.after_json!).action as string);
    expect(actions).toEqual(expect.arrayContaining(['plan.read_draft', 'plan.read', 'plan.draft', 'plan.issue', 'plan.coverage', 'plan.progress']));
  });

  it.skipIf(database.skip)('lets a unit assigned work read the plan wherever it sits', async () => {
    const plan = await t.handle.db.transaction().execute(async (tx) => {
      const draft = await plans.createPlan(tx, SYSTEM_CLI, {
        ...body(t.tree.districtA, 'Kế hoạch có đơn vị ngoài phối hợp'),
        taskGroups: [{ title: 'Nhóm', tasks: [{ title: 'Phối hợp liên tỉnh', leadUnitId: t.tree.districtA, coordinatingUnitIds: [t.tree.otherProvince] }] }],
      });
      return lifecycle.issuePlan(tx, SYSTEM_CLI, draft.id, { number: '90-KH/QU', issuedOn: daysAgo(2) });
    });
    const outsider = sessions.get(key('viewer', 'unrelated'))!;
    expect((await outsider.inject({ url: `/api/v1/plans/${plan.id}` })).statusCode).toBe(200);
    expect((await outsider.inject({ url: `/api/v1/plans/${issuedId}` })).statusCode).toBe(403);
    const listed = (await outsider.inject({ url: '/api/v1/plans' })).json().items.map((i: { id: number }) => i.id);
    expect(listed).toEqual([plan.id]);
  });
});
