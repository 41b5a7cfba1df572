/**
 * The org unit file (CSV or XLSX, header row first): reading it into rows of text and writing
 * rows back. Headers are stable ASCII names; Vietnamese spellings of them are accepted too
 * ("Mã đơn vị", "ma_don_vi" …). Dates are read as dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd or real
 * spreadsheet dates, and written as dd/mm/yyyy.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { formatVnDate, isIsoDate } from '../../core/dates';
import { fold } from '../../core/text';

export const COLUMNS = ['code', 'name', 'short_name', 'kind', 'parent_code', 'state_parent_code', 'valid_from'] as const;
export type Column = (typeof COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly Column[] = ['code', 'name', 'kind', 'valid_from'];

/** Other spellings people use for the same header (compared after folding diacritics and separators). */
const ALIASES: Record<Column, string[]> = {
  code: ['ma', 'ma_don_vi', 'ma_dv'],
  name: ['ten', 'ten_don_vi', 'ten_dv'],
  short_name: ['ten_viet_tat', 'ten_tat', 'viet_tat'],
  kind: ['loai', 'loai_don_vi', 'loai_dv'],
  parent_code: ['ma_cap_tren', 'cap_tren', 'ma_don_vi_cap_tren', 'party_parent_code'],
  state_parent_code: ['ma_cap_tren_chinh_quyen', 'cap_tren_chinh_quyen', 'ma_cap_tren_nha_nuoc'],
  valid_from: ['tu_ngay', 'hieu_luc_tu', 'ngay_hieu_luc', 'ngay_thanh_lap'],
};

const HEADER_LOOKUP = new Map<string, Column>(
  COLUMNS.flatMap((c) => [[c, c] as [string, Column], ...ALIASES[c].map((a) => [a, c] as [string, Column])]),
);

export function headerKey(text: string): Column | undefined {
  return HEADER_LOOKUP.get(fold(text.replace(/^\uFEFF/, '')).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''));
}

export type RawRow = { row: number } & Partial<Record<Column, string>>;

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  rows: RawRow[];
  /** Problems with the file as a whole (row 1 is the header). */
  problems: Array<{ row: number; column: string; vi: string; en: string }>;
}

export const MAX_ROWS = 100_000;

function isZip(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function parseUnitFile(bytes: Buffer): Promise<ParsedFile> {
  if (bytes.length === 0) {
    return { format: 'csv', rows: [], problems: [{ row: 0, column: 'file', vi: 'tệp rỗng', en: 'the file is empty' }] };
  }
  return isZip(bytes) ? parseXlsx(bytes) : parseCsvText(bytes);
}

function toRows(format: 'csv' | 'xlsx', header: string[], body: Array<{ row: number; cells: string[] }>): ParsedFile {
  const problems: ParsedFile['problems'] = [];
  const columns = header.map((h) => headerKey(h));
  header.forEach((h, i) => {
    if (h.trim() !== '' && !columns[i]) {
      problems.push({ row: 1, column: h, vi: `cột "${h}" không được hỗ trợ (các cột: ${COLUMNS.join(', ')})`, en: `unknown column "${h}" (columns: ${COLUMNS.join(', ')})` });
    }
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!columns.includes(c)) problems.push({ row: 1, column: c, vi: `thiếu cột "${c}"`, en: `the "${c}" column is missing` });
  }
  const seen = new Set<Column>();
  columns.forEach((c) => {
    if (!c) return;
    if (seen.has(c)) problems.push({ row: 1, column: c, vi: `cột "${c}" xuất hiện hai lần`, en: `the "${c}" column appears twice` });
    seen.add(c);
  });
  const rows: RawRow[] = [];
  for (const { row, cells } of body) {
    if (cells.every((c) => c.trim() === '')) continue;
    const out: RawRow = { row };
    columns.forEach((c, i) => {
      if (c) out[c] = unguard((cells[i] ?? '').trim());
    });
    rows.push(out);
  }
  if (rows.length > MAX_ROWS) {
    problems.push({ row: 0, column: 'file', vi: `tệp có ${rows.length} dòng, vượt giới hạn ${MAX_ROWS}`, en: `the file has ${rows.length} rows, over the limit of ${MAX_ROWS}` });
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({ row: 2, column: 'file', vi: 'tệp không có dòng dữ liệu nào', en: 'the file has no data rows' });
  }
  return { format, rows, problems };
}

function parseCsvText(bytes: Buffer): ParsedFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { format: 'csv', rows: [], problems: [{ row: 0, column: 'file', vi: 'tệp không phải văn bản UTF-8 (hãy lưu CSV dạng UTF-8) hoặc không phải tệp XLSX', en: 'the file is not UTF-8 text (save the CSV as UTF-8) nor an XLSX workbook' }] };
  }
  text = text.replace(/^\uFEFF/, '');
  // Spreadsheets saved with a Vietnamese locale often separate fields with ";".
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return { format: 'csv', rows: [], problems: [{ row: e.lines ?? 0, column: 'file', vi: `tệp CSV sai cấu trúc: ${e.message ?? ''}`, en: `malformed CSV: ${e.message ?? ''}` }] };
  }
  const [header = [], ...body] = records;
  return toRows('csv', header, body.map((cells, i) => ({ row: i + 2, cells })));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function parseXlsx(bytes: Buffer): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { format: 'xlsx', rows: [], problems: [{ row: 0, column: 'file', vi: 'không đọc được tệp XLSX', en: 'the XLSX workbook cannot be read' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { format: 'xlsx', rows: [], problems: [{ row: 0, column: 'file', vi: 'tệp XLSX không có trang tính', en: 'the workbook has no sheet' }] };
  const width = Math.max(sheet.columnCount, 1);
  const read = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const header = read(sheet.getRow(1));
  const body: Array<{ row: number; cells: string[] }> = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber > 1) body.push({ row: rowNumber, cells: read(row) });
  });
  return toRows('xlsx', header, body);
}

/** "01/10/2020", "1/10/2020", "2020-10-01" → "2020-10-01"; null when not a real date. */
export function parseDateCell(text: string): string | null {
  const t = text.trim();
  let iso: string | null = null;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (vn) iso = `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  return iso && isIsoDate(iso) ? iso : null;
}

export interface ExportRow {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  parentCode: string | null;
  stateParentCode: string | null;
  validFrom: string;
}

/**
 * Spreadsheet programs run CSV cells that begin with = + - @ as formulas; such text is written
 * behind an apostrophe (as spreadsheets do themselves) and the apostrophe is dropped on import.
 */
const FORMULA_START = /^[=+\-@]/;
const guard = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
export const unguard = (text: string) => (/^'[=+\-@]/.test(text) ? text.slice(1) : text);

function cells(r: ExportRow, csv = false): string[] {
  const text = csv ? guard : (t: string) => t;
  return [r.code, text(r.name), text(r.shortName ?? ''), r.kind, r.parentCode ?? '', r.stateParentCode ?? '', formatVnDate(r.validFrom)];
}

export function writeCsv(rows: ExportRow[]): Buffer {
  // The BOM makes spreadsheet programs read the file as UTF-8 (Vietnamese letters intact).
  return Buffer.from(stringifyCsv([[...COLUMNS], ...rows.map((r) => cells(r, true))], { bom: true, record_delimiter: '\r\n' }), 'utf8');
}

export async function writeXlsx(rows: ExportRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'lamtheo';
  const sheet = workbook.addWorksheet(title.slice(0, 31) || 'don-vi');
  sheet.addRow([...COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(cells(r));
  sheet.columns.forEach((col, i) => {
    col.width = [18, 48, 16, 20, 18, 18, 12][i] ?? 16;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
