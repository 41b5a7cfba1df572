/** A report's figures as a spreadsheet: download to fill in offline, upload to import (all cells or nothing). */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { ForbiddenError, ValidationError } from '../../core/errors';
import { periodLabel } from '../../core/periods';
import type { Values } from '../../core/report-form';
import { slugify } from '../../core/text';
import type { Database } from '../../db/schema';
import { figuresWorkbook, parseFiguresWorkbook } from '../../output/report-xlsx';
import { mayFill } from './reports.access';
import * as repo from './reports.repository';
import { loadContext, saveDraft } from './reports.service';
import { getReport } from './reports.view';

type Db = Kysely<Database>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportReportXlsx(db: Db, actor: Actor | null, reportId: number) {
  const report = await getReport(db, actor, reportId, 'vi');
  const sourced = Object.fromEntries(Object.entries(report.sourced).map(([k, v]) => [k, v.error ? null : v.value]));
  const aggregate = Object.fromEntries(Object.entries(report.aggregate).map(([k, v]) => [k, v.value]));
  const bytes = await figuresWorkbook({
    title: `${report.scheduleName} — ${report.periodLabel}`,
    lines: [`Đơn vị: ${report.unitName}`, `Biểu mẫu: ${report.form.name} (phiên bản ${report.form.version})`, `Mã báo cáo: ${report.id}, phiên bản ${report.version}; nhập số liệu vào cột D rồi tải lên`],
    definition: report.definition, own: report.values as Values, sourced, aggregate, totals: report.totals,
  });
  return { bytes, filename: `bao-cao-${slugify(report.unitName)}-${report.periodKey}.xlsx` };
}

/** Import a unit's own figures from a spreadsheet into its draft; any bad cell rejects the whole file. */
export async function importReportXlsx(db: Db, actor: Actor | null, reportId: number, version: number, bytes: Buffer) {
  const { report, schedule, definition } = await loadContext(db, reportId);
  if (!(await mayFill(db, actor, schedule, report.unit_id))) throw new ForbiddenError('report.fill', report.unit_id);
  const parsed = await parseFiguresWorkbook(bytes, definition);
  if (parsed.problems.length) {
    throw new ValidationError(parsed.problems.map((p) => ({ field: p.cell, message: { vi: p.vi, en: p.en } })), {
      vi: `Tệp có ${parsed.problems.length} ô không hợp lệ, chưa lưu gì: ${parsed.problems.slice(0, 10).map((p) => `${p.cell}: ${p.vi}`).join('; ')}`,
      en: `${parsed.problems.length} bad cell(s), nothing was saved: ${parsed.problems.slice(0, 10).map((p) => `${p.cell}: ${p.en}`).join('; ')}`,
    });
  }
  const values = { ...(JSON.parse(report.values_json) as Values), ...parsed.values };
  for (const [k, v] of Object.entries(values)) if (v === null) delete values[k];
  const saved = await saveDraft(db, actor, reportId, { version, values, narrative: JSON.parse(report.narrative_json) });
  await repo.insertEvent(db, {
    reportId, action: 'imported', versionSeq: null, comment: `${parsed.rows} chỉ tiêu từ tệp XLSX`,
    actorUserId: actor?.kind === 'user' ? actor.userId : null, actorName: actor?.kind === 'user' ? actor.displayName : null, at: new Date().toISOString(),
  });
  return { ...saved, imported: parsed.rows, periodLabel: periodLabel(report.period_key) };
}
