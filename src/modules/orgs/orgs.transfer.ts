/**
 * Importing units from a spreadsheet and exporting a hierarchy as of a date, in the same
 * columns, so an export imported elsewhere rebuilds the same tree. An import is all or nothing:
 * every row is checked first and any bad row rejects the whole file, naming row and column.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { todayVn } from '../../core/dates';
import { AppError, NotFoundError, invalidField } from '../../core/errors';
import { compareVi } from '../../core/text';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as batch from './orgs.batch.repository';
import { bulkCreateUnits, validateBulk, type BulkField, type BulkProgress, type BulkUnitInput } from './orgs.bulk';
import * as repo from './orgs.repository';
import type { ExportQuery, ImportResult, ImportRowError } from './orgs.transfer.contract';
import { parseDateCell, parseUnitFile, writeCsv, writeXlsx, type Column, type ExportRow, type RawRow } from './orgs.transfer.format';

type Db = Kysely<Database>;

/** A file with bad rows: 400, with every problem in `details`. */
export class ImportRejectedError extends AppError {
  constructor(readonly errors: ImportRowError[]) {
    const head = errors.slice(0, 5);
    const where = (e: ImportRowError) => (e.row > 0 ? `dòng ${e.row}, cột ${e.column}` : `tệp`);
    const whereEn = (e: ImportRowError) => (e.row > 0 ? `row ${e.row}, column ${e.column}` : 'file');
    super(400, 'import_invalid', {
      vi: `Tệp có ${errors.length} lỗi; chưa nhập đơn vị nào. ${head.map((e) => `${where(e)}: ${e.message}`).join('; ')}${errors.length > head.length ? '; …' : ''}`,
      en: `The file has ${errors.length} problem(s); nothing was imported. ${head.map((e) => `${whereEn(e)}: ${e.messageEn}`).join('; ')}${errors.length > head.length ? '; …' : ''}`,
    }, errors.map((e) => ({ ...e, field: e.row > 0 ? `row ${e.row}.${e.column}` : e.column })));
  }
}

function columnOf(field: BulkField): Column {
  switch (field) {
    case 'code': return 'code';
    case 'name': return 'name';
    case 'shortName': return 'short_name';
    case 'kind': return 'kind';
    case 'validFrom': return 'valid_from';
    case 'parents.state': return 'state_parent_code';
    default: return 'parent_code';
  }
}

/** A row as the bulk service takes it; a row with no parent at all becomes a root of `rootHierarchy`. */
function toBulk(row: RawRow, rootHierarchy: string): { unit: BulkUnitInput; dateOk: boolean } {
  const parents: Record<string, string | null> = {};
  if (row.parent_code) parents.party = row.parent_code;
  if (row.state_parent_code) parents.state = row.state_parent_code;
  if (Object.keys(parents).length === 0) parents[rootHierarchy] = null;
  const date = parseDateCell(row.valid_from ?? '');
  return {
    unit: {
      code: row.code ?? '', name: row.name ?? '', shortName: row.short_name || null, kind: row.kind ?? '',
      validFrom: date ?? (row.valid_from ?? ''), parents,
    },
    dateOk: date !== null,
  };
}

export async function importUnits(
  db: Db, actor: Actor | null, bytes: Buffer,
  options: { dryRun: boolean; hierarchy: string; onProgress?: (p: BulkProgress) => void },
): Promise<ImportResult> {
  await access.authorize(db, actor, { action: 'org.restructure', unitId: null });
  const parsed = await parseUnitFile(bytes);
  const errors: ImportRowError[] = parsed.problems.map((p) => ({ row: p.row, column: p.column, message: p.vi, messageEn: p.en }));
  const result = (valid: boolean, created: ImportResult['created']): ImportResult => ({
    dryRun: options.dryRun, valid, format: parsed.format, rows: parsed.rows.length, created, errors,
  });
  if (errors.length > 0) {
    if (options.dryRun) return result(false, []);
    throw new ImportRejectedError(errors);
  }
  const converted = parsed.rows.map((r) => toBulk(r, options.hierarchy));
  converted.forEach(({ dateOk }, i) => {
    if (!dateOk) {
      const raw = parsed.rows[i].valid_from ?? '';
      errors.push({
        row: parsed.rows[i].row, column: 'valid_from',
        message: raw ? `ngày "${raw}" không hợp lệ (dạng dd/mm/yyyy)` : 'thiếu ngày hiệu lực (dạng dd/mm/yyyy)',
        messageEn: raw ? `"${raw}" is not a valid date (dd/mm/yyyy)` : 'the start date is missing (dd/mm/yyyy)',
      });
    }
  });
  const units = converted.map((c) => c.unit);
  const { issues } = await validateBulk(db, actor, units, (i) => ({ vi: `dòng ${parsed.rows[i].row}`, en: `row ${parsed.rows[i].row}` }));
  for (const i of issues) {
    if (i.field === 'validFrom' && !converted[i.index].dateOk) continue;
    errors.push({ row: parsed.rows[i.index].row, column: columnOf(i.field), message: i.message.vi, messageEn: i.message.en });
  }
  errors.sort((a, b) => a.row - b.row);
  if (errors.length > 0) {
    if (options.dryRun) return result(false, []);
    throw new ImportRejectedError(errors);
  }
  if (options.dryRun) return result(true, units.map((u) => ({ id: null, code: u.code, name: u.name })));
  const { created } = await bulkCreateUnits(db, actor, units, { source: `import:${parsed.format}`, onProgress: options.onProgress });
  return result(true, created);
}

export interface ExportFile {
  bytes: Buffer;
  filename: string;
  contentType: string;
  count: number;
}

/** The units of a hierarchy (or one subtree) in force on a day, parents before children. */
export async function exportUnits(db: Db, actor: Actor | null, q: ExportQuery): Promise<ExportFile> {
  const asOf = q.asOf ?? todayVn();
  let rootId = q.root;
  if (q.rootCode !== undefined) {
    const unit = await repo.findUnitByCode(db, q.rootCode);
    if (!unit) throw new NotFoundError('org_unit', q.rootCode);
    rootId = unit.id;
  }
  await access.authorize(db, actor, { action: 'org.read', unitId: rootId ?? null });
  const known = (await repo.listHierarchies(db)).map((h) => h.code);
  if (!known.includes(q.hierarchy)) {
    throw invalidField('hierarchy', `không có hệ thống "${q.hierarchy}" (có: ${known.join(', ')})`, `no hierarchy "${q.hierarchy}" (known: ${known.join(', ')})`);
  }
  if (rootId !== undefined && (await repo.closureDepth(db, q.hierarchy, rootId, rootId, asOf)) === null) {
    throw invalidField('root', `đơn vị ${rootId} không thuộc hệ thống "${q.hierarchy}" vào ngày ${asOf}`, `unit ${rootId} is not in hierarchy "${q.hierarchy}" on ${asOf}`);
  }
  const units = await repo.listTree(db, { hierarchy: q.hierarchy, asOf, rootId });
  const rows = await exportRows(db, units, q.hierarchy, asOf);
  const rootCode = rootId !== undefined ? units.find((u) => u.id === rootId)?.code : undefined;
  const base = `don-vi-${q.hierarchy}-${asOf}${rootCode ? `-${rootCode.replace(/[^A-Za-z0-9._-]+/g, '_')}` : ''}`;
  if (q.format === 'xlsx') {
    return { bytes: await writeXlsx(rows, `${q.hierarchy} ${asOf}`), filename: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', count: rows.length };
  }
  return { bytes: writeCsv(rows), filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', count: rows.length };
}

type TreeUnit = Awaited<ReturnType<typeof repo.listTree>>[number];

async function exportRows(db: Db, units: TreeUnit[], hierarchy: string, asOf: string): Promise<ExportRow[]> {
  const ids = units.map((u) => u.id);
  const inSet = new Set(ids);
  const links = await batch.linksOn(db, ids, asOf);
  const versionStart = await batch.versionStartsOn(db, ids, asOf);
  // A parent column is filled when the parent is exported too; the export's own roots keep
  // their real parent in the exported hierarchy, so the file can be imported under it elsewhere.
  const kept = links.filter((l) => l.parentId !== null && (inSet.has(l.parentId) || l.hierarchy === hierarchy));
  const codes = await batch.codesOf(db, [...ids, ...kept.map((l) => l.parentId!)]);
  const parentCode = new Map<string, string>();
  const linkStart = new Map<number, string>();
  for (const l of kept) {
    parentCode.set(`${l.unitId}:${l.hierarchy}`, codes.get(l.parentId!)!);
    const prev = linkStart.get(l.unitId);
    if (!prev || l.validFrom > prev) linkStart.set(l.unitId, l.validFrom);
  }
  const children = new Map<number | null, TreeUnit[]>();
  for (const u of units) {
    const key = u.parentId !== null && inSet.has(u.parentId) ? u.parentId : null;
    if (!children.has(key)) children.set(key, []);
    children.get(key)!.push(u);
  }
  for (const list of children.values()) list.sort((a, b) => compareVi(a.name, b.name) || a.code.localeCompare(b.code));
  const out: ExportRow[] = [];
  // The start date written is the day since which the row has been true as written (name and
  // placement), and never before its parent's, so that importing it is consistent.
  const visit = (parentKey: number | null, parentStart: string) => {
    for (const u of children.get(parentKey) ?? []) {
      const start = [u.validFrom, versionStart.get(u.id) ?? u.validFrom, linkStart.get(u.id) ?? u.validFrom, parentStart].sort().at(-1)!;
      out.push({
        code: u.code, name: u.name, shortName: u.shortName, kind: u.kind,
        parentCode: parentCode.get(`${u.id}:party`) ?? null,
        stateParentCode: parentCode.get(`${u.id}:state`) ?? null,
        validFrom: start,
      });
      visit(u.id, start);
    }
  };
  visit(null, '0000-01-01');
  return out;
}
