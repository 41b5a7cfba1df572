/**
 * Official DOCX of reports: the consolidated report of a unit for a period (compiled narrative
 * or the unit's own edited text, figures by unit, completeness) and a unit's own report.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../../core/actor';
import { isoDate } from '../../core/contract';
import { formatVnDate, todayVn } from '../../core/dates';
import { invalidField } from '../../core/errors';
import { tryParseDocumentNumber } from '../../core/document-number';
import { periodLabel, periodRange } from '../../core/periods';
import type { FormDefinition, Narrative, Values } from '../../core/report-form';
import type { Database } from '../../db/schema';
import { renderPartyDocx, partyDocxFileName } from '../../output/party-docx';
import { dateCell, issuerAbbreviation, reportDocument, type ReportDocxInput } from '../../output/report-docx';
import * as forms from '../report-forms/report-forms.service';
import { convention, type ScheduleRow } from '../report-schedules/report-schedules.service';
import { compileNarrative } from '../reports/reports.narrative';
import * as reports from '../reports/reports.queries';
import { getReport } from '../reports/reports.view';
import { loadContext } from '../reports/reports.service';
import { completenessFor } from './consolidation.completeness';
import { consolidationQuery } from './consolidation.contract';
import { authorizeRead, resolveSchedule } from './consolidation.access';
import { consolidationFor } from './consolidation.service';
import { STATUS_VI } from './consolidation.xlsx';
import * as repo from './consolidation.repository';

type Db = Kysely<Database>;

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** How the document is headed and signed; every part has a sensible default. */
export const docxOptions = z.object({
  number: z.string().trim().max(40).optional(),
  date: isoDate.optional(),
  place: z.string().trim().max(80).optional(),
  issuer: z.string().trim().max(200).optional(),
  superior: z.string().trim().max(200).optional(),
  authority: z.string().trim().max(80).optional(),
  position: z.string().trim().max(80).optional(),
  signer: z.string().trim().max(120).optional(),
  recipients: z.string().trim().max(2000).optional().describe('one a line (or separated by ";")'),
});
export type DocxOptions = z.infer<typeof docxOptions>;
export const consolidationDocxQuery = consolidationQuery.extend(docxOptions.shape);

async function heading(db: Db, schedule: ScheduleRow, unitId: number, unitName: string, periodKey: string, o: DocxOptions) {
  if (o.number && !tryParseDocumentNumber(o.number)) throw invalidField('number', `"${o.number}" không phải số văn bản (ví dụ 25-BC/TU)`, `"${o.number}" is not a document number (e.g. 25-BC/TU)`);
  const treeDate = periodRange(periodKey, convention(schedule)).end;
  const parent = await repo.parentOn(db, schedule.hierarchy, unitId, treeDate);
  const line = await repo.chainsOn(db, schedule.hierarchy, [unitId], treeDate);
  const root = (line.get(unitId) ?? [unitId]).at(-1)!;
  const names = await repo.namesLatest(db, [root, ...(parent ? [parent] : [])]);
  const place = o.place ?? (names.get(root) ?? unitName).replace(/^(Thành ủy|Tỉnh ủy|Thành uỷ|Tỉnh uỷ)\s+/i, '');
  const recipients = o.recipients
    ? o.recipients.split(/\n|;/).map((r) => r.trim()).filter(Boolean)
    : [...(parent ? [`${names.get(parent)} (để báo cáo)`] : []), 'Các đơn vị báo cáo', 'Lưu Văn phòng'];
  return {
    superior: o.superior ?? (parent ? names.get(parent) ?? null : null),
    issuer: o.issuer ?? unitName,
    number: o.number ?? null,
    numberSuffix: `BC/${issuerAbbreviation(o.issuer ?? unitName)}`,
    place,
    date: o.date ?? null,
    draftYear: Number(todayVn().slice(0, 4)),
    recipients,
    signature: { authority: o.authority ?? 'T/M BAN THƯỜNG VỤ', position: o.position ?? 'BÍ THƯ', signer: o.signer ?? null },
  };
}

/** "kết quả 6 tháng đầu năm 2021 thực hiện Chỉ thị 05-CT/TW": the schedule's name, as the subject under "BÁO CÁO". */
function subjectOf(schedule: ScheduleRow, periodKey: string): string {
  let name = schedule.name.replace(/^báo cáo\s+/i, '');
  name = `${name.charAt(0).toLocaleLowerCase('vi')}${name.slice(1)}`;
  if (!/^kết quả/i.test(name)) name = `kết quả ${name}`;
  const label = periodLabel(periodKey).toLocaleLowerCase('vi');
  return name.toLocaleLowerCase('vi').includes(label) ? name : `${name} ${label}`;
}

async function narrativeFor(db: Db, schedule: ScheduleRow, periodKey: string, unitId: number, def: FormDefinition, own: Narrative | null) {
  const compiled = await compileNarrative(db, schedule, periodKey, unitId, def);
  return def.sections.map((s) => ({
    title: s.title,
    text: own?.[s.code]?.trim() ? own[s.code] : null,
    excerpts: (compiled.sections.find((c) => c.code === s.code)?.excerpts ?? []).map((e) => ({ unitName: e.unitName, text: e.text, highlighted: e.highlighted })),
  }));
}

function completenessBlock(done: Awaited<ReturnType<typeof completenessFor>>): ReportDocxInput['completeness'] {
  const s = done.summary;
  return {
    caption: `Biểu: Tình hình gửi báo cáo (hạn ${formatVnDate(done.period.dueDate)})`,
    summary: `Có ${s.on_time + s.late}/${s.expected} đơn vị đã gửi báo cáo (đúng hạn ${s.on_time}, chậm ${s.late}); ${s.returned} báo cáo bị trả lại chưa gửi lại; ${s.missing} đơn vị chưa gửi; ${s.accepted} báo cáo đã được tiếp nhận.`,
    // Days late of a report sent late; a report never sent has no such figure (it is "Chưa gửi").
    rows: done.units.map((u) => ({ name: u.name, status: STATUS_VI[u.status], submitted: dateCell(u.firstSubmittedAt), daysLate: u.status === 'late' ? u.daysLate : null })),
  };
}

/** The consolidated report of a unit for a period, as structured then or now. */
export async function consolidationDocx(db: Db, actor: Actor | null, q: z.infer<typeof consolidationDocxQuery>) {
  const schedule = await resolveSchedule(db, q.unit, q.period, q.schedule);
  await authorizeRead(db, actor, schedule, q.unit);
  const c = await consolidationFor(db, schedule, q.period, q.unit, q.structure, 'vi', q.asOf);
  const def = (await forms.currentVersion(db, schedule.form_id))!.definition;
  // The unit's own report, when it has one the reader may see, gives the edited text.
  const own = await reports.findReport(db, schedule.id, q.period, q.unit);
  const ownText = own && (own.status === 'accepted' || own.status === 'submitted') ? JSON.parse((await reports.latestVersions(db, [own.id])).get(own.id)!.narrative_json) as Narrative : null;
  const head = await heading(db, schedule, q.unit, c.unit.name, q.period, q);
  const input: ReportDocxInput = {
    ...head,
    subject: subjectOf(schedule, q.period),
    preamble: `Thực hiện yêu cầu “${schedule.name}”, ${c.unit.name} tổng hợp, báo cáo kết quả ${c.period.label.toLocaleLowerCase('vi')} (số liệu từ ngày ${formatVnDate(c.period.start)} đến ngày ${formatVnDate(c.period.end)}${c.structure === 'now' ? `, sắp xếp theo cơ cấu tổ chức hiện nay` : ''}) như sau:`,
    sections: await narrativeFor(db, schedule, q.period, q.unit, def, ownText),
    indicators: c.indicators,
    byUnit: {
      caption: `Biểu: Kết quả theo đơn vị (${c.included.count} báo cáo đã tiếp nhận)`,
      rows: c.rows.map((r) => ({ name: r.role === 'own' ? `${r.name} (số liệu của đơn vị)` : r.role === 'direct' ? `${r.name} (chuyển về trực tiếp)` : r.name, values: r.values })),
      totals: Object.fromEntries(Object.entries(c.figures).map(([k, v]) => [k, v.value])),
    },
    completeness: c.structure === 'then' ? completenessBlock(await completenessFor(db, schedule, { unit: q.unit, period: q.period }, 'vi')) : null,
  };
  const doc = reportDocument(input);
  return { bytes: await renderPartyDocx(doc), filename: partyDocxFileName(doc, `bao-cao-${q.period}`) };
}

function display(v: Values[string] | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  return v;
}

/** A unit's own report (as the reader sees it), with the figures of the units below it. */
export async function reportDocx(db: Db, actor: Actor | null, reportId: number, o: DocxOptions) {
  const report = await getReport(db, actor, reportId, 'vi');
  const { schedule } = await loadContext(db, reportId);
  const def = report.definition as FormDefinition;
  const head = await heading(db, schedule, report.unitId, report.unitName, report.periodKey, o);
  const below = await consolidationFor(db, schedule, report.periodKey, report.unitId, 'then', 'vi');
  const units = below.rows.filter((r) => r.role === 'unit');
  const done = await completenessFor(db, schedule, { unit: report.unitId, period: report.periodKey }, 'vi');
  const range = periodRange(report.periodKey, convention(schedule));
  const input: ReportDocxInput = {
    ...head,
    subject: subjectOf(schedule, report.periodKey),
    preamble: `Thực hiện yêu cầu “${schedule.name}”, ${report.unitName} báo cáo kết quả ${report.periodLabel.toLocaleLowerCase('vi')} (số liệu từ ngày ${formatVnDate(range.start)} đến ngày ${formatVnDate(range.end)}) như sau:`,
    sections: await narrativeFor(db, schedule, report.periodKey, report.unitId, def, report.narrative),
    indicators: below.indicators,
    ownFigures: {
      caption: 'Biểu: Số liệu của đơn vị và tổng hợp cấp dưới',
      rows: def.indicators.map((ind) => ({
        name: ind.name, unit: ind.unit ?? null,
        own: ind.source ? report.sourced[ind.code]?.value ?? null : display(report.values[ind.code]),
        aggregate: report.aggregate[ind.code]?.value ?? null, total: report.totals[ind.code] ?? null,
      })),
    },
    byUnit: units.length ? { caption: 'Biểu: Kết quả của các đơn vị cấp dưới', rows: units.map((r) => ({ name: r.name, values: r.values })), totals: null } : null,
    completeness: done.units.length ? completenessBlock(done) : null,
  };
  const doc = reportDocument(input);
  return { bytes: await renderPartyDocx(doc), filename: partyDocxFileName(doc, `bao-cao-${report.periodKey}`) };
}
