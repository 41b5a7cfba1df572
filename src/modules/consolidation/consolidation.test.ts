import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../core/actor';
import type { Values } from '../../core/report-form';
import * as orgs from '../orgs/orgs.service';
import * as reportsApi from '../reports/reports.service';
import * as review from '../reports/reports.review';
import { recomputeRollups } from '../reports/reports.rollups';
import * as queries from '../reports/reports.queries';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, type Session } from '../../test/fixtures';
import { docxConversionUnavailable, docxToText, squashSpaces } from '../../test/docx-text';
import { seedReporting, type ReportingSetup } from '../../test/reporting';

const databases = await testDatabases();
const noSoffice = await docxConversionUnavailable();
const PERIOD = '2021-H1';

describe.each(databases)('consolidation on $name', (database) => {
  let t: TestApp;
  let setup: ReportingSetup;
  let btg: Session;
  const own: Record<string, Values> = {
    wardA1: { members: 120, attending: 110, sessions: 10, satisfaction: 90, has_model: true },
    districtA: { members: 300, attending: 200, sessions: 15, satisfaction: 80, has_model: false },
    districtB: { members: 250, attending: 240, sessions: 20, satisfaction: 70, has_model: true },
  };
  const ids: Record<string, number> = {};

  /** Fill, submit and (unless told otherwise) accept a unit's report through the services. */
  async function file(unit: keyof Tree, values: Values, then: 'accept' | 'return' | 'submit', submittedOn: string) {
    const db = t.handle.db;
    const unitId = t.tree[unit];
    const { id } = await db.transaction().execute((tx) => reportsApi.openReport(tx, SYSTEM_CLI, { scheduleId: setup.scheduleId, period: PERIOD, unitId }));
    ids[unit] = id;
    await db.transaction().execute((tx) => reportsApi.saveDraft(tx, SYSTEM_CLI, id, { version: 1, values, narrative: { results: `Kết quả của ${unit}.` } }));
    await db.transaction().execute((tx) => reportsApi.submit(tx, SYSTEM_CLI, id, 2));
    // Submission dates are part of the scenario (on time or late against the 2021 deadline).
    await db.updateTable('reports').set({ first_submitted_at: `${submittedOn}T03:00:00.000Z` }).where('id', '=', id).execute();
    if (then === 'accept') await db.transaction().execute((tx) => review.accept(tx, SYSTEM_CLI, id, undefined));
    if (then === 'return') await db.transaction().execute((tx) => review.returnReport(tx, SYSTEM_CLI, id, 'Thiếu số liệu'));
  }
  type Tree = TestApp['tree'];

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    setup = await t.handle.db.transaction().execute((tx) => seedReporting(tx, t.tree));
    btg = await login(t.app, 'tuyengiao-tu');
    await file('wardA1', own.wardA1, 'accept', '2021-06-25');
    await file('districtA', own.districtA, 'accept', '2021-06-18');
    await file('districtB', own.districtB, 'return', '2021-06-19');
  });
  afterAll(async () => t?.close());

  it.skipIf(database.skip)('as structured then: the sum of the accepted district reports, added up independently', async () => {
    const res = await btg.inject({ url: `/api/v1/consolidation?unit=${t.tree.city}&period=${PERIOD}&structure=then` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Independently: each accepted district's report as submitted = its own figures + its accepted wards' aggregate.
    const districts = (await queries.reportsOfPeriod(t.handle.db, setup.scheduleId, PERIOD)).filter((r) => r.status === 'accepted' && [t.tree.districtA, t.tree.districtB].includes(r.unit_id));
    const snapshots = await queries.latestVersions(t.handle.db, districts.map((d) => d.id));
    const expected: Record<string, number> = { members: 0, attending: 0, sessions: 0 };
    for (const d of districts) {
      const snap = snapshots.get(d.id)!;
      const values = JSON.parse(snap.values_json) as Values;
      const aggregate = JSON.parse(snap.aggregate_json) as Record<string, { value: number | null }>;
      for (const code of Object.keys(expected)) expected[code] += (values[code] as number) + (aggregate[code]?.value ?? 0);
    }
    expect(expected).toEqual({ members: 420, attending: 310, sessions: 25 });
    for (const code of Object.keys(expected)) expect(body.figures[code]).toEqual({ value: expected[code], n: 2 });
    // Weighted by members: (90·120 + 80·300) / 420.
    expect(body.figures.satisfaction.value).toBeCloseTo((90 * 120 + 80 * 300) / 420, 4);
    expect(body.figures.has_model).toEqual({ value: 1, n: 2 });
    expect(body.figures.cells).toEqual({ value: 1, n: 2 });
    expect(body.included.items.map((i: { unitId: number }) => i.unitId).sort()).toEqual([t.tree.districtA, t.tree.wardA1].sort());
    expect(body.missing.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ unitId: t.tree.districtB, status: 'returned' }),
      expect.objectContaining({ unitId: t.tree.wardB1, status: 'none' }),
    ]));
    expect(body.rows.map((r: { unitId: number; values: Values }) => [r.unitId, r.values.members])).toEqual([[t.tree.districtB, null], [t.tree.districtA, 420]]); // Vietnamese order: Dương Kinh before Đồ Sơn
  });

  it.skipIf(database.skip)('lists completeness per unit: on time, late, returned, missing — and rolled up per district', async () => {
    const res = await btg.inject({ url: `/api/v1/completeness?unit=${t.tree.city}&period=${PERIOD}` });
    const body = res.json();
    const status = Object.fromEntries(body.units.map((u: { unitId: number; status: string }) => [u.unitId, u.status]));
    expect(status).toEqual({ [t.tree.districtA]: 'on_time', [t.tree.wardA1]: 'late', [t.tree.districtB]: 'returned', [t.tree.wardB1]: 'missing' });
    expect(body.summary).toMatchObject({ expected: 4, on_time: 1, late: 1, returned: 1, missing: 1, accepted: 2 });
    const a = body.byUnit.find((u: { unitId: number }) => u.unitId === t.tree.districtA);
    expect(a.counts).toMatchObject({ expected: 2, on_time: 1, late: 1 });
    const later = await btg.inject({ url: `/api/v1/completeness?unit=${t.tree.city}&period=2022-H2` });
    expect(later.json().units.every((u: { status: string }) => u.status === 'not_due' || u.status === 'missing')).toBe(true);
  });

  it.skipIf(database.skip)('keeps incremental rollups equal to a full recompute', async () => {
    const before = await queries.allRollups(t.handle.db, setup.scheduleId, PERIOD);
    expect(before.length).toBeGreaterThan(0);
    await t.handle.db.transaction().execute((tx) => recomputeRollups(tx, SYSTEM_CLI, { scheduleId: setup.scheduleId }));
    const after = await queries.allRollups(t.handle.db, setup.scheduleId, PERIOD);
    expect(after).toEqual(before);
  });

  it.skipIf(database.skip)('exports an XLSX that opens with the same figures (units × indicators, periods, completeness)', async () => {
    const json = (await btg.inject({ url: `/api/v1/consolidation?unit=${t.tree.city}&period=${PERIOD}` })).json();
    const res = await btg.inject({ url: `/api/v1/consolidation/export.xlsx?unit=${t.tree.city}&period=${PERIOD}` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo đơn vị', 'Theo kỳ', 'Tình hình báo cáo']);
    const ws = wb.getWorksheet('Theo đơn vị')!;
    let header: ExcelJS.Row | undefined;
    let total: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'Đơn vị') header = row;
      if (row.getCell(1).value === 'Tổng cộng') total = row;
    });
    const columns = (header!.values as unknown[]).slice(1) as string[];
    for (const ind of json.indicators) {
      const col = columns.findIndex((c) => c.startsWith(ind.name)) + 1;
      expect(total!.getCell(col).value, ind.code).toBe(json.figures[ind.code].value);
    }
    const periods = wb.getWorksheet('Theo kỳ')!;
    let h1: ExcelJS.Row | undefined;
    periods.eachRow((row) => { if (row.getCell(1).value === '6 tháng đầu năm 2021') h1 = row; });
    expect(h1!.getCell(2).value).toBe(json.figures[json.indicators[0].code].value);
    const done = wb.getWorksheet('Tình hình báo cáo')!;
    const statuses: string[] = [];
    done.eachRow((row, n) => { if (n > 4) statuses.push(String(row.getCell(2).value)); });
    expect(statuses.sort()).toEqual(['Bị trả lại', 'Chưa gửi', 'Chậm', 'Đúng hạn'].sort());
  });

  it.skipIf(database.skip || noSoffice)('prints the consolidated report in the Party format, readable by LibreOffice', async () => {
    const res = await btg.inject({ url: `/api/v1/consolidation/export.docx?unit=${t.tree.city}&period=${PERIOD}&date=2021-07-05&number=25-BC/TU` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = squashSpaces(await docxToText(res.rawPayload));
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('Số 25-BC/TU');
    expect(text).toContain('Thử Nghiệm, ngày 05 tháng 07 năm 2021');
    expect(text).toContain('BÁO CÁO');
    // The compiled narrative by section, each excerpt attributed.
    expect(text).toContain('KẾT QUẢ ĐẠT ĐƯỢC');
    expect(text).toContain('Quận ủy Đồ Sơn: Kết quả của districtA.');
    // The indicator table by unit with its total, and the completeness table.
    expect(text).toMatch(/Tổng cộng\s+420\s+310/);
    expect(text).toContain('Đúng hạn');
    expect(text).toContain('Bị trả lại');
    expect(text).toContain('Nơi nhận');
    const bad = await btg.inject({ url: `/api/v1/consolidation/export.docx?unit=${t.tree.city}&period=${PERIOD}&number=abc` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('number');
    const unit = await btg.inject({ url: `/api/v1/reports/${ids.districtA}/export.docx` });
    expect(unit.statusCode).toBe(200);
    const unitText = squashSpaces(await docxToText(unit.rawPayload));
    expect(unitText).toContain('Số -BC/QU');
    expect(unitText).toContain('Đảng ủy phường Vạn Hương');
  }, 120_000);

  it.skipIf(database.skip)('as structured now: the same total mapped through merges, a dissolution and a split', async () => {
    const db = t.handle.db;
    const then = (await btg.inject({ url: `/api/v1/consolidation?unit=${t.tree.city}&period=${PERIOD}` })).json();
    // Before any restructuring, now is then (answered from the precomputed rollups).
    const unchanged = (await btg.inject({ url: `/api/v1/consolidation?unit=${t.tree.city}&period=${PERIOD}&structure=now&asOf=2025-06-30` })).json();
    expect(unchanged).toMatchObject({ structure: 'now', treeDate: '2025-06-30', mapping: [], figures: then.figures });
    await db.transaction().execute(async (tx) => {
      await orgs.mergeUnits(tx, SYSTEM_CLI, { sourceIds: [t.tree.wardA1, t.tree.wardB1], into: { newUnit: { code: 'PM', name: 'Đảng ủy phường Mới', kind: 'dang_uy_xa_phuong', parentId: t.tree.city } }, effectiveDate: '2025-07-01' });
      await orgs.dissolveUnit(tx, SYSTEM_CLI, t.tree.districtA, { effectiveDate: '2025-07-01' });
      await orgs.splitUnit(tx, SYSTEM_CLI, t.tree.districtB, { parts: [{ code: 'QB-N', name: 'Bắc', kind: 'quan_uy', childIds: [] }, { code: 'QB-S', name: 'Nam', kind: 'quan_uy', childIds: [] }], effectiveDate: '2025-07-01' });
    });
    const res = await btg.inject({ url: `/api/v1/consolidation?unit=${t.tree.city}&period=${PERIOD}&structure=now&asOf=2025-08-01` });
    expect(res.statusCode).toBe(200);
    const now = res.json();
    for (const code of ['members', 'attending', 'sessions', 'has_model']) expect(now.figures[code].value).toBe(then.figures[code].value);
    expect(now.figures.satisfaction.value).toBeCloseTo(then.figures.satisfaction.value, 6);
    const rows = Object.fromEntries(now.rows.map((r: { name: string; values: Values }) => [r.name, r.values.members]));
    expect(rows).toEqual({ 'Thành ủy Thử Nghiệm': 300, 'Đảng ủy phường Mới': 120 });
    const rules = Object.fromEntries(now.mapping.map((m: { fromUnitId: number; rule: string }) => [m.fromUnitId, m.rule]));
    expect(rules).toMatchObject({ [t.tree.wardA1]: 'merged', [t.tree.districtA]: 'absorbed_by_parent', [t.tree.districtB]: 'split_undivided' });
    expect(now.rule).toContain('không mất, không trùng');
    // Then is unchanged by the restructuring.
    const again = (await btg.inject({ url: `/api/v1/consolidation?unit=${t.tree.city}&period=${PERIOD}` })).json();
    expect(again.figures).toEqual(then.figures);
    const ward = (await btg.inject({ url: `/api/v1/consolidation?unit=${now.rows[1].unitId}&period=${PERIOD}&structure=now&asOf=2025-08-01` })).json();
    expect(ward.figures.members.value).toBe(120);
  });

  it.skipIf(database.skip)('answers bad input with 4xx naming the field', async () => {
    const bad = await btg.inject({ url: `/api/v1/consolidation?unit=${t.tree.city}&period=2021-H3` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('period');
    const noSchedule = await btg.inject({ url: `/api/v1/consolidation?unit=${t.tree.city}&period=2021` });
    expect(noSchedule.statusCode).toBe(404);
    const other = await btg.inject({ url: `/api/v1/consolidation?unit=${t.tree.otherProvince}&period=${PERIOD}&schedule=${setup.scheduleId}` });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details[0].field).toBe('unit');
    const unknown = await btg.inject({ url: `/api/v1/completeness?unit=${t.tree.city}&period=${PERIOD}&schedule=9999` });
    expect(unknown.statusCode).toBe(404);
  });
});
