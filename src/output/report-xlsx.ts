/**
 * Spreadsheets of reporting: a unit's figures (to fill in offline and import back), and tables
 * of consolidated figures (units × indicators, periods × indicators). Importing checks every
 * cell and names each bad one by its address ("D7"); the caller saves nothing when any is bad.
 */
import ExcelJS from 'exceljs';
import type { FormDefinition, IndicatorDef, IndicatorValue, Values } from '../core/report-form';

export const FIGURES_SHEET = 'Số liệu';
const HEADER = ['Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu của đơn vị', 'Tổng hợp cấp dưới', 'Tổng cộng', 'Ghi chú'];
const VALUE_COLUMN = 4;

export interface FiguresSheet {
  title: string;
  lines: string[];
  definition: FormDefinition;
  own: Values;
  sourced: Record<string, number | null>;
  aggregate: Record<string, number | null>;
  totals: Record<string, number | null>;
}

function hint(ind: IndicatorDef): string {
  if (ind.source) return 'Lấy từ dữ liệu đã ghi nhận — không nhập';
  switch (ind.type) {
    case 'integer': return 'Số nguyên';
    case 'decimal': return 'Số';
    case 'percent': return 'Tỷ lệ % (0–100)';
    case 'boolean': return 'Có / Không';
    case 'choice': return `Một trong: ${(ind.choices ?? []).join('; ')}`;
    case 'text': return 'Chữ';
  }
}

function display(v: IndicatorValue | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  return v;
}

export async function figuresWorkbook(sheet: FiguresSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'lamtheo';
  const ws = workbook.addWorksheet(FIGURES_SHEET);
  ws.addRow([sheet.title]).font = { bold: true, size: 13 };
  for (const line of sheet.lines) ws.addRow([line]);
  ws.addRow([]);
  const header = ws.addRow(HEADER);
  header.font = { bold: true };
  header.eachCell((c) => { c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }; });
  for (const ind of sheet.definition.indicators) {
    const own = ind.source ? sheet.sourced[ind.code] ?? null : display(sheet.own[ind.code]);
    const row = ws.addRow([ind.code, ind.name, ind.unit ?? '', own, sheet.aggregate[ind.code] ?? null, sheet.totals[ind.code] ?? null, hint(ind)]);
    if (ind.source) row.getCell(VALUE_COLUMN).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  }
  ws.columns.forEach((col, i) => { col.width = [18, 56, 12, 18, 18, 14, 36][i] ?? 14; });
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface CellProblem {
  cell: string;
  vi: string;
  en: string;
}

/** What a spreadsheet cell holds, as a number, text or nothing. */
function cellValue(cell: ExcelJS.Cell): number | string | boolean | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return cell.numFmt?.includes('%') ? v * 100 : v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('').trim() || null;
    if ('result' in v) return typeof v.result === 'number' || typeof v.result === 'string' ? v.result : null;
    if ('text' in v) return String(v.text);
  }
  return null;
}

const YES = new Set(['có', 'co', 'x', 'yes', 'true', '1', 'đạt']);
const NO = new Set(['không', 'khong', 'no', 'false', '0']);

/** "1.234,5" (Vietnamese) or "1,234.5" or "1234.5" → number; null when not a number. */
export function parseNumberText(text: string): number | null {
  const t = text.replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+,\d+$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return null;
}

function convert(ind: IndicatorDef, raw: number | string | boolean): { value?: IndicatorValue; vi?: string; en?: string } {
  switch (ind.type) {
    case 'integer':
    case 'decimal':
    case 'percent': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumberText(raw) : null;
      if (n === null || !Number.isFinite(n)) return { vi: `"${ind.name}" phải là số`, en: `"${ind.name}" must be a number` };
      if (ind.type === 'integer' && !Number.isInteger(n)) return { vi: `"${ind.name}" phải là số nguyên`, en: `"${ind.name}" must be a whole number` };
      if (ind.type === 'percent' && (n < 0 || n > 100)) return { vi: `"${ind.name}" là tỷ lệ %, phải từ 0 đến 100`, en: `"${ind.name}" is a percentage, 0 to 100` };
      return { value: n };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const t = String(raw).trim().toLowerCase();
      if (YES.has(t)) return { value: true };
      if (NO.has(t)) return { value: false };
      return { vi: `"${ind.name}" phải là Có hoặc Không`, en: `"${ind.name}" must be Có (yes) or Không (no)` };
    }
    case 'choice': {
      const t = String(raw).trim();
      const match = (ind.choices ?? []).find((c) => c.toLowerCase() === t.toLowerCase());
      return match ? { value: match } : { vi: `"${ind.name}" phải là một trong: ${(ind.choices ?? []).join('; ')}`, en: `"${ind.name}" must be one of: ${(ind.choices ?? []).join('; ')}` };
    }
    case 'text': {
      const t = String(raw);
      return t.length > 1000 ? { vi: `"${ind.name}" tối đa 1000 ký tự`, en: `"${ind.name}" is at most 1000 characters` } : { value: t };
    }
  }
}

/**
 * Read a unit's own figures from the sheet: rows found by the indicator code in column A, the
 * value in column D. Blank cells clear a figure; record-sourced rows are ignored.
 */
export async function parseFiguresWorkbook(bytes: Buffer, def: FormDefinition): Promise<{ values: Values; problems: CellProblem[]; rows: number }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { values: {}, rows: 0, problems: [{ cell: 'file', vi: 'không đọc được tệp XLSX', en: 'the XLSX workbook cannot be read' }] };
  }
  const ws = workbook.getWorksheet(FIGURES_SHEET) ?? workbook.worksheets[0];
  if (!ws) return { values: {}, rows: 0, problems: [{ cell: 'file', vi: 'tệp không có trang tính', en: 'the workbook has no sheet' }] };
  const byCode = new Map(def.indicators.map((i) => [i.code, i]));
  const values: Values = {};
  const problems: CellProblem[] = [];
  let headerRow = 0;
  let rows = 0;
  ws.eachRow((row, n) => {
    const first = cellValue(row.getCell(1));
    if (!headerRow) {
      if (first === HEADER[0]) headerRow = n;
      return;
    }
    if (first === null) return;
    const code = String(first).trim();
    const ind = byCode.get(code);
    const address = row.getCell(VALUE_COLUMN).address;
    if (!ind) {
      problems.push({ cell: row.getCell(1).address, vi: `không có chỉ tiêu mã "${code}" trong biểu mẫu`, en: `the form has no indicator "${code}"` });
      return;
    }
    if (ind.source) return;
    rows += 1;
    const raw = cellValue(row.getCell(VALUE_COLUMN));
    if (raw === null) {
      values[code] = null;
      return;
    }
    const converted = convert(ind, raw);
    if (converted.vi) problems.push({ cell: address, vi: converted.vi, en: converted.en! });
    else values[code] = converted.value!;
  });
  if (!headerRow) problems.push({ cell: 'A1', vi: `không tìm thấy dòng tiêu đề "${HEADER[0]}"`, en: `no header row "${HEADER[0]}"` });
  return { values, problems, rows };
}

export interface TableSheet {
  name: string;
  title: string;
  lines?: string[];
  columns: string[];
  rows: Array<Array<string | number | null>>;
  widths?: number[];
  /** Bold the last row (a total). */
  totalRow?: boolean;
}

/** A workbook of simple titled tables (one per sheet). */
export async function tablesWorkbook(sheets: TableSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'lamtheo';
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name.slice(0, 31));
    ws.addRow([s.title]).font = { bold: true, size: 13 };
    for (const line of s.lines ?? []) ws.addRow([line]);
    ws.addRow([]);
    const header = ws.addRow(s.columns);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle' };
    for (const r of s.rows) ws.addRow(r);
    if (s.totalRow && s.rows.length) ws.lastRow!.font = { bold: true };
    ws.columns.forEach((col, i) => { col.width = s.widths?.[i] ?? (i === 0 ? 40 : 16); });
    ws.views = [{ state: 'frozen', ySplit: header.number, xSplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
