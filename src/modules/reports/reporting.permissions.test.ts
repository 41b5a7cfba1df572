/**
 * Permissions of reporting as a matrix: every role granted at a unit in each relation to the
 * target (self, the unit above it, a unit below it, a sibling, an unrelated province) against
 * the POLICY table; plus 401 without a session and 4xx naming the field for bad input on every route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, SYSTEM_CLI, type Role } from '../../core/actor';
import { allows, type Action, type Relation } from '../../core/permissions';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, makeUser, type Session } from '../../test/fixtures';
import { multipartFile, seedReporting, type ReportingSetup } from '../../test/reporting';
import * as reports from './reports.service';

const databases = await testDatabases();
const RELATIONS: Relation[] = ['self', 'ancestor', 'descendant', 'sibling', 'unrelated'];

describe.each(databases)('reporting permissions on $name', (database) => {
  let t: TestApp;
  let setup: ReportingSetup;
  const sessions = new Map<string, Session>();
  let districtDraft: number;
  let wardSubmitted: number;
  let districtSubmitted: number;

  /** The unit where a grant sits so that the target (district A) is in `relation` to it. */
  const grantUnit = (relation: Relation) => ({
    self: t.tree.districtA, ancestor: t.tree.city, descendant: t.tree.wardA1, sibling: t.tree.districtB, unrelated: t.tree.otherProvince,
  })[relation];
  // The relation is of the target to the grant: a grant at the city sees district A as a descendant.
  const targetRelation = (grantAt: Relation): Relation => ({ self: 'self', ancestor: 'descendant', descendant: 'ancestor', sibling: 'sibling', unrelated: 'unrelated' } as const)[grantAt];

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    setup = await t.handle.db.transaction().execute(async (tx) => {
      const s = await seedReporting(tx, t.tree);
      for (const role of ROLES) for (const rel of RELATIONS) await makeUser(tx, `${role}-${rel}`, grantUnit(rel), [{ role, unitId: grantUnit(rel) }]);
      return s;
    });
    const db = t.handle.db;
    const open = (period: string, unitId: number) => db.transaction().execute((tx) => reports.openReport(tx, SYSTEM_CLI, { scheduleId: setup.scheduleId, period, unitId }));
    districtDraft = (await open('2021-H1', t.tree.districtA)).id;
    const ward = (await open('2021-H1', t.tree.wardA1)).id;
    await db.transaction().execute((tx) => reports.saveDraft(tx, SYSTEM_CLI, ward, { version: 1, values: { members: 10 }, narrative: { results: 'Một.\nHai.' } }));
    await db.transaction().execute((tx) => reports.submit(tx, SYSTEM_CLI, ward, 2));
    wardSubmitted = ward;
    districtSubmitted = (await open('2021-H2', t.tree.districtA)).id;
    await db.transaction().execute((tx) => reports.saveDraft(tx, SYSTEM_CLI, districtSubmitted, { version: 1, values: { members: 10 }, narrative: { results: 'x' } }));
    await db.transaction().execute((tx) => reports.submit(tx, SYSTEM_CLI, districtSubmitted, 2));
    for (const role of ROLES) for (const rel of RELATIONS) sessions.set(`${role}-${rel}`, await login(t.app, `${role}-${rel}`));
  }, 240_000);
  afterAll(async () => t?.close());

  const cases: Array<{ name: string; action: Action; run: (s: Session) => Promise<number> }> = [
    { name: 'open the district report', action: 'report.fill', run: async (s) => (await s.inject({ method: 'POST', url: '/api/v1/reports', payload: { scheduleId: setup.scheduleId, period: '2021-H1', unitId: t.tree.districtA } })).statusCode },
    { name: 'read the district draft', action: 'report.read.draft', run: async (s) => (await s.inject({ url: `/api/v1/reports/${districtDraft}` })).statusCode },
    { name: 'read the district submitted report', action: 'report.read', run: async (s) => (await s.inject({ url: `/api/v1/reports/${districtSubmitted}` })).statusCode },
    { name: 'read the district consolidation', action: 'report.consolidation.read', run: async (s) => (await s.inject({ url: `/api/v1/consolidation?unit=${t.tree.districtA}&period=2021-H1` })).statusCode },
    { name: 'read the district completeness', action: 'report.consolidation.read', run: async (s) => (await s.inject({ url: `/api/v1/completeness?unit=${t.tree.districtA}&period=2021-H1` })).statusCode },
    { name: 'list the district schedules', action: 'report.schedule.read', run: async (s) => (await s.inject({ url: `/api/v1/report-schedules?unit=${t.tree.districtA}` })).statusCode },
    { name: 'create a form owned by the district', action: 'report.form.manage', run: async (s) => (await s.inject({ method: 'POST', url: '/api/v1/report-forms', payload: { code: `F-${Math.random().toString(36).slice(2, 8)}`, name: 'Biểu', ownerUnitId: t.tree.districtA } })).statusCode },
    {
      name: 'return a ward report the district receives', action: 'report.review',
      run: async (s) => {
        const status = (await s.inject({ method: 'POST', url: `/api/v1/reports/${wardSubmitted}/return`, payload: { comment: 'Bổ sung' } })).statusCode;
        if (status === 200) {
          const version = (await t.handle.db.selectFrom('reports').select('version').where('id', '=', wardSubmitted).executeTakeFirstOrThrow()).version;
          await t.handle.db.transaction().execute((tx) => reports.submit(tx, SYSTEM_CLI, wardSubmitted, version));
        }
        return status;
      },
    },
  ];

  for (const c of cases) {
    it.skipIf(database.skip)(`${c.name}: allowed exactly as POLICY says (${c.action})`, async () => {
      const outcome: string[] = [];
      const expected: string[] = [];
      for (const role of ROLES as Role[]) {
        for (const rel of RELATIONS) {
          const status = await c.run(sessions.get(`${role}-${rel}`)!);
          outcome.push(`${role}@${rel}:${status < 300 ? 'yes' : status === 403 || status === 404 ? 'no' : status}`);
          expected.push(`${role}@${rel}:${allows(role, c.action, targetRelation(rel)) ? 'yes' : 'no'}`);
        }
      }
      expect(outcome).toEqual(expected);
    }, 120_000);
  }

  it.skipIf(database.skip)('answers 401 without a session on every reporting route', async () => {
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/report-forms'], ['POST', '/api/v1/report-forms', {}], ['GET', `/api/v1/report-forms/${setup.formId}`], ['POST', `/api/v1/report-forms/${setup.formId}/versions`, {}],
      ['GET', '/api/v1/indicator-sources'], ['GET', '/api/v1/report-schedules'], ['POST', '/api/v1/report-schedules', {}], ['GET', `/api/v1/report-schedules/${setup.scheduleId}`],
      ['PATCH', `/api/v1/report-schedules/${setup.scheduleId}`, {}], ['GET', `/api/v1/report-schedules/${setup.scheduleId}/units?period=2021-H1`],
      ['GET', '/api/v1/reports'], ['POST', '/api/v1/reports', {}], ['GET', `/api/v1/reports/${wardSubmitted}`], ['PUT', `/api/v1/reports/${districtDraft}`, {}],
      ['POST', `/api/v1/reports/${districtDraft}/submit`, {}], ['POST', `/api/v1/reports/${wardSubmitted}/accept`, {}], ['POST', `/api/v1/reports/${wardSubmitted}/return`, {}],
      ['GET', `/api/v1/reports/${wardSubmitted}/versions/1`], ['GET', `/api/v1/reports/${wardSubmitted}/diff?from=1&to=1`], ['GET', `/api/v1/reports/${wardSubmitted}/compiled`],
      ['GET', `/api/v1/reports/${wardSubmitted}/flags`], ['POST', `/api/v1/reports/${wardSubmitted}/highlights`, {}], ['DELETE', `/api/v1/reports/${wardSubmitted}/highlights/1`],
      ['GET', `/api/v1/reports/${wardSubmitted}/export.xlsx`], ['POST', `/api/v1/reports/${districtDraft}/import.xlsx?version=1`],
      ['GET', `/api/v1/reports/${wardSubmitted}/export.docx`], ['GET', '/api/v1/review-inbox'],
      ['GET', `/api/v1/consolidation?unit=${t.tree.city}&period=2021-H1`], ['GET', `/api/v1/consolidation/export.xlsx?unit=${t.tree.city}&period=2021-H1`],
      ['GET', `/api/v1/consolidation/export.docx?unit=${t.tree.city}&period=2021-H1`], ['GET', `/api/v1/consolidation/trend?unit=${t.tree.city}&schedule=${setup.scheduleId}`],
      ['GET', `/api/v1/completeness?unit=${t.tree.city}&period=2021-H1`], ['GET', '/api/v1/notifications'], ['POST', '/api/v1/notifications/read', { ids: 'all' }],
    ];
    const wrong: string[] = [];
    for (const [method, url, payload] of routes) {
      const res = await t.app.inject({ method: method as 'GET', url, ...(payload !== undefined ? { payload: payload as object } : {}) });
      if (res.statusCode !== 401 && !(res.statusCode === 400 && payload !== undefined && method !== 'GET')) wrong.push(`${method} ${url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it.skipIf(database.skip)('answers bad input with 400 naming the field, in Vietnamese or English', async () => {
    const s = sessions.get('admin-ancestor')!;
    const btg = await login(t.app, 'tuyengiao-tu');
    const qa = await login(t.app, 'baocao-qa');
    const checks: Array<[Session, string, string, unknown, string]> = [
      [s, 'POST', '/api/v1/report-forms', { code: 'X', name: '', ownerUnitId: t.tree.city }, 'name'],
      [s, 'POST', '/api/v1/report-forms', { code: 'X2', name: 'A', ownerUnitId: t.tree.city, definition: { indicators: [{ code: 'a', name: 'A', type: 'percent', aggregation: 'sum' }], sections: [] } }, 'definition.indicators.0.aggregation'],
      [s, 'POST', '/api/v1/report-forms', { code: 'X3', name: 'A', ownerUnitId: t.tree.city, definition: { indicators: [{ code: 'a', name: 'A', type: 'integer', aggregation: 'sum', source: { key: 'khong.co' } }], sections: [] } }, 'definition.indicators.0.source.key'],
      [s, 'POST', `/api/v1/report-forms/${setup.formId}/versions`, { baseVersion: 'x', definition: {} }, 'baseVersion'],
      [s, 'POST', '/api/v1/report-schedules', { name: 'L', formId: setup.formId, unitId: t.tree.city, periodType: 'half', dueOffsetDays: 5, firstPeriod: '2021', scope: { kinds: ['quan_uy'] } }, 'firstPeriod'],
      [s, 'POST', '/api/v1/report-schedules', { name: 'L', formId: setup.formId, unitId: t.tree.city, periodType: 'half', dueOffsetDays: 5, firstPeriod: '2021-H1', scope: { kinds: [] } }, 'scope.kinds'],
      [s, 'POST', '/api/v1/report-schedules', { name: 'L', formId: setup.formId, unitId: t.tree.city, periodType: 'half', dueOffsetDays: 5, firstPeriod: '2021-H1', scope: { kinds: ['khong_co'] } }, 'scope.kinds'],
      [s, 'GET', `/api/v1/report-schedules/${setup.scheduleId}/units?period=2021-Q9`, undefined, 'period'],
      [qa, 'POST', '/api/v1/reports', { scheduleId: setup.scheduleId, period: '2030-H1', unitId: t.tree.districtA }, 'period'],
      [qa, 'PUT', `/api/v1/reports/${districtDraft}`, { version: 1, values: { members: 'nhiều' }, narrative: {} }, 'values.members'],
      [qa, 'PUT', `/api/v1/reports/${districtDraft}`, { version: 1, values: {}, narrative: { khong_co: 'x' } }, 'narrative.khong_co'],
      [qa, 'POST', `/api/v1/reports/${districtDraft}/submit`, { version: 1 }, 'values.members'],
      [btg, 'POST', `/api/v1/reports/${districtSubmitted}/return`, { comment: '' }, 'comment'],
      [qa, 'GET', `/api/v1/reports/${wardSubmitted}/diff?from=0&to=1`, undefined, 'from'],
      [s, 'GET', `/api/v1/consolidation?unit=abc&period=2021-H1`, undefined, 'unit'],
      [s, 'GET', `/api/v1/consolidation?unit=${t.tree.city}&period=2021-H1&structure=sau`, undefined, 'structure'],
      [s, 'GET', `/api/v1/consolidation?unit=${t.tree.city}&period=2021-H1&structure=now&asOf=2025-02-30`, undefined, 'asOf'],
      [s, 'POST', '/api/v1/notifications/read', { ids: [] }, 'ids'],
    ];
    const wrong: string[] = [];
    for (const [session, method, url, payload, field] of checks) {
      const res = await session.inject({ method: method as 'GET', url, ...(payload !== undefined ? { payload: payload as object } : {}), headers: { 'accept-language': 'en' } });
      const fields = res.statusCode === 400 ? res.json().error.details?.map((d: { field: string }) => d.field) ?? [] : [];
      if (res.statusCode !== 400 || !fields.includes(field)) wrong.push(`${method} ${url} → ${res.statusCode} ${JSON.stringify(fields)} (wanted ${field})`);
    }
    expect(wrong).toEqual([]);
    const import409 = await qa.inject({ method: 'POST', url: `/api/v1/reports/${districtDraft}/import.xlsx?version=abc`, ...multipartFile('file', 'x.xlsx', Buffer.from('x')) });
    expect(import409.statusCode).toBe(400);
  });
});
