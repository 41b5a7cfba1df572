import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, type Session } from '../../test/fixtures';
import { multipartFile, seedReporting, type ReportingSetup } from '../../test/reporting';
import { parseNumberText } from '../../output/report-xlsx';

const databases = await testDatabases();

async function edit(bytes: Buffer, change: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  change(wb.getWorksheet('Số liệu')!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rowOf(ws: ExcelJS.Worksheet, code: string): number {
  let found = 0;
  ws.eachRow((row, n) => { if (row.getCell(1).value === code) found = n; });
  return found;
}

describe('numbers typed in Vietnamese or English', () => {
  it('reads thousands and decimal separators either way', () => {
    expect(parseNumberText('1.234')).toBe(1234);
    expect(parseNumberText('1.234,5')).toBe(1234.5);
    expect(parseNumberText('12,5')).toBe(12.5);
    expect(parseNumberText('1,234.5')).toBe(1234.5);
    expect(parseNumberText('abc')).toBeNull();
  });
});

describe.each(databases)('report figures through XLSX on $name', (database) => {
  let t: TestApp;
  let setup: ReportingSetup;
  let qa: Session;
  let reportId: number;
  let template: Buffer;

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    setup = await t.handle.db.transaction().execute((tx) => seedReporting(tx, t.tree));
    qa = await login(t.app, 'baocao-qa');
    reportId = (await qa.inject({ method: 'POST', url: '/api/v1/reports', payload: { scheduleId: setup.scheduleId, period: '2021-H1', unitId: t.tree.districtA } })).json().id;
  });
  afterAll(async () => t?.close());

  it.skipIf(database.skip)('downloads a template listing every indicator, record-sourced ones filled', async () => {
    const res = await qa.inject({ url: `/api/v1/reports/${reportId}/export.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    template = res.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Số liệu')!;
    expect(ws.getCell(`B${rowOf(ws, 'members')}`).value).toBe('Tổng số đảng viên');
    expect(ws.getCell(`D${rowOf(ws, 'cells')}`).value).toBe(0);
  });

  it.skipIf(database.skip)('rejects a file with bad cells, naming each, and saves nothing', async () => {
    const bad = await edit(template, (ws) => {
      ws.getCell(`D${rowOf(ws, 'members')}`).value = 'nhiều';
      ws.getCell(`D${rowOf(ws, 'attending')}`).value = 12.5;
      ws.getCell(`D${rowOf(ws, 'satisfaction')}`).value = 140;
      ws.getCell(`D${rowOf(ws, 'sessions')}`).value = 7;
      ws.getCell(`D${rowOf(ws, 'rating')}`).value = 'Xuất sắc';
    });
    const res = await qa.inject({ method: 'POST', url: `/api/v1/reports/${reportId}/import.xlsx?version=1`, ...multipartFile('file', 'so-lieu.xlsx', bad) });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    const ws = (await new ExcelJS.Workbook().xlsx.load(template as unknown as ExcelJS.Buffer)).getWorksheet('Số liệu')!;
    expect(fields).toEqual([`D${rowOf(ws, 'members')}`, `D${rowOf(ws, 'attending')}`, `D${rowOf(ws, 'satisfaction')}`, `D${rowOf(ws, 'rating')}`]);
    expect(res.json().error.message).toContain('chưa lưu gì');
    const after = (await qa.inject({ url: `/api/v1/reports/${reportId}` })).json();
    expect(after.version).toBe(1);
    expect(after.values).toEqual({});
  });

  it.skipIf(database.skip)('imports good figures into the draft (Vietnamese number formats, yes/no words)', async () => {
    const good = await edit(template, (ws) => {
      ws.getCell(`D${rowOf(ws, 'members')}`).value = '1.250';
      ws.getCell(`D${rowOf(ws, 'attending')}`).value = 1100;
      ws.getCell(`D${rowOf(ws, 'satisfaction')}`).value = '87,5';
      ws.getCell(`D${rowOf(ws, 'has_model')}`).value = 'Có';
      ws.getCell(`D${rowOf(ws, 'rating')}`).value = 'khá';
    });
    const res = await qa.inject({ method: 'POST', url: `/api/v1/reports/${reportId}/import.xlsx?version=1`, ...multipartFile('file', 'so-lieu.xlsx', good) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2 });
    const after = (await qa.inject({ url: `/api/v1/reports/${reportId}` })).json();
    expect(after.values).toEqual({ members: 1250, attending: 1100, satisfaction: 87.5, has_model: true, rating: 'Khá' });
    expect(after.events.map((e: { action: string }) => e.action)).toContain('imported');
    const stale = await qa.inject({ method: 'POST', url: `/api/v1/reports/${reportId}/import.xlsx?version=1`, ...multipartFile('file', 'so-lieu.xlsx', good) });
    expect(stale.statusCode).toBe(409);
    const other = await login(t.app, 'baocao-qb');
    expect((await other.inject({ method: 'POST', url: `/api/v1/reports/${reportId}/import.xlsx?version=2`, ...multipartFile('file', 'x.xlsx', good) })).statusCode).toBe(403);
    const notXlsx = await qa.inject({ method: 'POST', url: `/api/v1/reports/${reportId}/import.xlsx?version=2`, ...multipartFile('file', 'x.xlsx', Buffer.from('not a workbook')) });
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.details[0].field).toBe('file');
  });
});
