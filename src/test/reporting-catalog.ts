/**
 * Objects the route catalogue's reporting entries need, made through the services as SYSTEM_CLI:
 * a form and a monthly schedule of the city (no receiving department, so POLICY alone decides),
 * and reports of a unit in a fresh month each time one is consumed (submitted, decided, marked).
 */
import { SYSTEM_CLI } from '../core/actor';
import { shiftPeriod } from '../core/periods';
import * as forms from '../modules/report-forms/report-forms.service';
import * as schedules from '../modules/report-schedules/report-schedules.service';
import * as reports from '../modules/reports/reports.service';
import type { CatalogFixtures } from './catalog-fixtures';
import { TEST_FORM } from './reporting';

export const CATALOG_PERIOD = '2021-06';

export function catalogForm(fx: CatalogFixtures, ownerUnitId: number): Promise<number> {
  return fx.cached(`report-form@${ownerUnitId}`, async () => (await fx.write((tx) => forms.createForm(tx, SYSTEM_CLI, {
    code: fx.unique('bm-'), name: 'Biểu mẫu thử', ownerUnitId, definition: TEST_FORM,
  }))).id);
}

/** The city's monthly schedule (units of district and ward kinds report). */
export function catalogSchedule(fx: CatalogFixtures, unitId = fx.tree.city): Promise<number> {
  return fx.cached(`report-schedule@${unitId}`, async () => {
    const formId = await catalogForm(fx, fx.tree.city);
    return (await fx.write((tx) => schedules.createSchedule(tx, SYSTEM_CLI, {
      name: `Báo cáo tháng ${fx.unique('')}`, formId, unitId, hierarchy: 'party', periodType: 'month', cutoff: 'calendar', dueOffsetDays: 5,
      firstPeriod: '2020-02', lastPeriod: '2099-12', scope: { kinds: ['quan_uy', 'dang_uy_xa_phuong'], maxDepth: null, includeUnitIds: [], excludeUnitIds: [] },
      reminderDays: [3], active: true,
    }))).id;
  });
}

/** A month nobody used yet. */
export async function freshPeriod(fx: CatalogFixtures): Promise<string> {
  const counter = await fx.cached('report-period-counter', async () => ({ n: 0 }));
  counter.n += 1;
  return shiftPeriod('2021-07', counter.n);
}

/** A report of the unit in a period, filled, and submitted unless told otherwise. */
export async function catalogReport(fx: CatalogFixtures, unitId: number, options: { period?: string; submit?: boolean } = {}): Promise<number> {
  const scheduleId = await catalogSchedule(fx);
  const period = options.period ?? (await freshPeriod(fx));
  const { id } = await fx.write((tx) => reports.openReport(tx, SYSTEM_CLI, { scheduleId, period, unitId }));
  await fx.write((tx) => reports.saveDraft(tx, SYSTEM_CLI, id, { version: 1, values: { members: 10, attending: 8 }, narrative: { results: 'Đoạn một.\nĐoạn hai.' } }));
  if (options.submit !== false) await fx.write((tx) => reports.submit(tx, SYSTEM_CLI, id, 2));
  return id;
}

/** One submitted report of the unit, made once (for read-only routes). */
export function submittedReportOf(fx: CatalogFixtures, unitId: number): Promise<number> {
  return fx.cached(`report-submitted@${unitId}`, () => catalogReport(fx, unitId, { period: CATALOG_PERIOD }));
}

export async function reportVersion(fx: CatalogFixtures, reportId: number): Promise<number> {
  return (await fx.db.selectFrom('reports').select('version').where('id', '=', reportId).executeTakeFirstOrThrow()).version;
}
