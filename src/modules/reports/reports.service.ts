/**
 * A unit's report for a period: opened as a draft, saved with optimistic concurrency (a save
 * names the version it started from; a later save by someone else gets 409, nothing is silently
 * overwritten), submitted as an immutable snapshot after the hard rules pass.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError, invalidField, registerEntityName, type FieldIssue } from '../../core/errors';
import { periodLabel } from '../../core/periods';
import { checkValues, valueTypeProblems, type FormDefinition, type Narrative, type Values } from '../../core/report-form';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import * as notifications from '../notifications/notifications.service';
import * as forms from '../report-forms/report-forms.service';
import * as schedules from '../report-schedules/report-schedules.service';
import { reportingStructure, type ReportingStructure } from '../report-schedules/report-schedules.structure';
import type { ReportSummary, SaveDraftInput } from './reports.contract';
import { authorizeSee, mayFill } from './reports.access';
import { computeSourced, mergedValues, serializeAggregate, subordinatesAggregate } from './reports.figures';
import * as repo from './reports.repository';
import type { ReportRow } from './reports.repository';
import { applyAccepted } from './reports.rollups';

type Db = Kysely<Database>;
type Lang = 'vi' | 'en';

registerEntityName('report', { vi: 'báo cáo', en: 'Report' });
registerEntityName('report_version', { vi: 'phiên bản báo cáo', en: 'Report version' });

export interface ReportContext {
  report: ReportRow;
  schedule: schedules.ScheduleRow;
  definition: FormDefinition;
  formVersion: number;
}

export async function loadContext(db: Db, reportId: number, lock = false): Promise<ReportContext> {
  const report = await repo.findReport(db, reportId, lock);
  if (!report) throw new NotFoundError('report', reportId);
  const schedule = await schedules.loadSchedule(db, report.schedule_id);
  const { definition, version } = await forms.definitionOfVersion(db, report.form_version_id);
  return { report, schedule, definition, formVersion: version };
}

export function actorName(actor: Actor | null): string | null {
  if (!actor) return null;
  return actor.kind === 'user' ? actor.displayName : `system:${actor.name}`;
}

const actorId = (actor: Actor | null) => (actor?.kind === 'user' ? actor.userId : null);

/** Summaries with unit and schedule names, in the caller's language. */
export async function summarize(db: Db, rows: ReportRow[], lang: Lang): Promise<ReportSummary[]> {
  const scheduleRows = new Map<number, schedules.ScheduleRow>();
  for (const id of new Set(rows.map((r) => r.schedule_id))) scheduleRows.set(id, await schedules.loadSchedule(db, id));
  // Units are named as they were at the period's end (a 2021 report of "Huyện ủy An Dương" keeps that name).
  const byDay = new Map<string, Set<number>>();
  const dayOf = (r: ReportRow) => schedules.treeDateOf(scheduleRows.get(r.schedule_id)!, r.period_key);
  for (const r of rows) {
    const set = byDay.get(dayOf(r)) ?? new Set<number>();
    set.add(r.unit_id);
    if (r.reviewer_unit_id) set.add(r.reviewer_unit_id);
    byDay.set(dayOf(r), set);
  }
  const names = new Map<string, Map<number, string>>();
  for (const [day, ids] of byDay) names.set(day, await repo.unitNamesOn(db, [...ids], day));
  const nameOf = (r: ReportRow, unitId: number) => names.get(dayOf(r))?.get(unitId) ?? `#${unitId}`;
  return rows.map((r) => ({
    id: r.id, scheduleId: r.schedule_id, scheduleName: scheduleRows.get(r.schedule_id)!.name, periodKey: r.period_key,
    periodLabel: periodLabel(r.period_key, lang), unitId: r.unit_id, unitName: nameOf(r, r.unit_id),
    reviewerUnitId: r.reviewer_unit_id, reviewerUnitName: r.reviewer_unit_id ? nameOf(r, r.reviewer_unit_id) : null,
    status: r.status as ReportSummary['status'], version: r.version, dueDate: r.due_date, firstSubmittedAt: r.first_submitted_at,
    submittedAt: r.submitted_at, decidedAt: r.decided_at, lastComment: r.last_comment,
  }));
}

/** Open (or find) a unit's report for a period; the unit must be one that reports in the schedule. */
export async function openReport(db: Db, actor: Actor | null, input: { scheduleId: number; period: string; unitId: number }): Promise<{ id: number; created: boolean }> {
  const schedule = await schedules.loadSchedule(db, input.scheduleId);
  if (!actor) throw new UnauthorizedError();
  if (!(await mayFill(db, actor, schedule, input.unitId))) throw new ForbiddenError('report.fill', input.unitId);
  const structure = await reportingStructure(db, schedule, input.period, { within: input.unitId });
  const existing = await repo.findReportFor(db, schedule.id, input.period, input.unitId);
  if (existing) return { id: existing.id, created: false };
  const isRoot = input.unitId === schedule.unit_id;
  const unit = structure.byId.get(input.unitId);
  if (!isRoot && !unit) {
    throw invalidField('unitId', `đơn vị ${input.unitId} không thuộc diện báo cáo kỳ này của lịch "${schedule.name}"`, `unit ${input.unitId} does not report in this period of schedule "${schedule.name}"`);
  }
  if (schedule.active !== 1) throw new ConflictError({ vi: 'Lịch báo cáo đã ngừng', en: 'The schedule is no longer active' }, { field: 'scheduleId' }, 'schedule_inactive');
  const current = await forms.currentVersion(db, schedule.form_id);
  if (!current) throw new NotFoundError('report_form', schedule.form_id);
  const now = new Date().toISOString();
  const id = await repo.insertReport(db, {
    schedule_id: schedule.id, period_key: input.period, unit_id: input.unitId, form_version_id: current.versionId,
    reviewer_unit_id: isRoot ? null : unit!.reviewerUnitId, status: 'draft', version: 1, values_json: '{}', narrative_json: '{}',
    due_date: structure.dueDate, first_submitted_at: null, submitted_at: null, decided_at: null, last_comment: null,
    created_by: actorId(actor), updated_by: actorId(actor), created_at: now, updated_at: now,
  });
  await repo.insertEvent(db, { reportId: id, action: 'created', versionSeq: null, comment: null, actorUserId: actorId(actor), actorName: actorName(actor), at: now });
  await audit.record(db, actor, { entity: 'report', entityId: id, action: 'create', unitId: input.unitId, after: { scheduleId: schedule.id, period: input.period, formVersion: current.version } });
  return { id, created: true };
}

export async function listReports(db: Db, actor: Actor | null, q: { schedule?: number; period?: string; unit?: number; status?: string; limit: number }, lang: Lang) {
  access.requireUser(actor);
  const rows = await repo.listReports(db, { scheduleId: q.schedule, periodKey: q.period, unitIds: q.unit ? [q.unit] : undefined, statuses: q.status ? [q.status] : undefined, limit: q.limit });
  const visible: ReportRow[] = [];
  const scheduleCache = new Map<number, schedules.ScheduleRow>();
  for (const row of rows) {
    const schedule = scheduleCache.get(row.schedule_id) ?? (await schedules.loadSchedule(db, row.schedule_id));
    scheduleCache.set(row.schedule_id, schedule);
    const seen = await authorizeSee(db, actor, schedule, row).catch(() => null);
    if (seen) visible.push(row);
  }
  return summarize(db, visible, lang);
}

function narrativeProblems(def: FormDefinition, narrative: Narrative): FieldIssue[] {
  const codes = new Set(def.sections.map((s) => s.code));
  return Object.keys(narrative).filter((k) => !codes.has(k))
    .map((k) => ({ field: `narrative.${k}`, message: { vi: 'không có phần này trong biểu mẫu', en: 'no such section in the form' } }));
}

function requireEditable(report: ReportRow): void {
  if (report.status !== 'draft' && report.status !== 'returned') {
    throw new ConflictError({
      vi: report.status === 'accepted' ? 'Báo cáo đã được tiếp nhận, không sửa được nữa' : 'Báo cáo đã gửi, đang chờ cấp trên xem xét; không sửa được',
      en: report.status === 'accepted' ? 'The report was accepted and can no longer change' : 'The report was submitted and awaits review; it cannot change',
    }, { status: report.status }, 'not_editable');
  }
}

function versionConflict(report: ReportRow, sent: number): ConflictError {
  return new ConflictError({
    vi: `Báo cáo vừa được ${report.updated_by ? 'người khác ' : ''}lưu (phiên bản ${report.version}, bạn đang sửa phiên bản ${sent}); hãy tải lại rồi sửa tiếp, không có gì bị ghi đè`,
    en: `The report was saved meanwhile (version ${report.version}; you edited version ${sent}); reload and edit again — nothing was overwritten`,
  }, { field: 'version', currentVersion: report.version, updatedAt: report.updated_at }, 'edit_conflict');
}

export async function saveDraft(db: Db, actor: Actor | null, reportId: number, input: SaveDraftInput): Promise<{ id: number; version: number }> {
  if (!actor) throw new UnauthorizedError();
  const ctx = await loadContext(db, reportId, true);
  const { report, schedule, definition } = ctx;
  if (!(await mayFill(db, actor, schedule, report.unit_id))) throw new ForbiddenError('report.fill', report.unit_id);
  requireEditable(report);
  if (input.version !== report.version) throw versionConflict(report, input.version);
  const issues = [...valueTypeProblems(definition, input.values as Values), ...narrativeProblems(definition, input.narrative)];
  if (issues.length) throw new ValidationError(issues);
  const now = new Date().toISOString();
  const ok = await repo.updateReportIfVersion(db, reportId, input.version, {
    values_json: JSON.stringify(input.values), narrative_json: JSON.stringify(input.narrative), updated_by: actorId(actor), updated_at: now,
  });
  if (!ok) throw versionConflict((await repo.findReport(db, reportId))!, input.version);
  await audit.record(db, actor, { entity: 'report', entityId: reportId, action: 'save_draft', unitId: report.unit_id, before: { version: report.version }, after: { version: report.version + 1, values: input.values } });
  return { id: reportId, version: report.version + 1 };
}

/** Users who act on a unit's reports (reporters, coordinators) or review at a unit (leaders, coordinators). */
export async function recipientsAt(db: Db, unitIds: number[], roles: string[]) {
  return (await repo.usersWithRoleAt(db, unitIds, roles)).map((u) => ({ id: u.id, email: u.email }));
}

export async function submit(db: Db, actor: Actor | null, reportId: number, version: number, lang: Lang = 'vi'): Promise<{ id: number; version: number; seq: number; status: string; warnings: string[] }> {
  if (!actor) throw new UnauthorizedError();
  const ctx = await loadContext(db, reportId, true);
  const { report, schedule, definition } = ctx;
  if (!(await mayFill(db, actor, schedule, report.unit_id))) throw new ForbiddenError('report.fill', report.unit_id);
  requireEditable(report);
  if (version !== report.version) throw versionConflict(report, version);
  const structure: ReportingStructure = await reportingStructure(db, schedule, report.period_key, { within: report.unit_id });
  const sourced = await computeSourced(db, structure, report.unit_id, definition);
  const values = JSON.parse(report.values_json) as Values;
  const narrative = JSON.parse(report.narrative_json) as Narrative;
  const outcomes = checkValues(definition, mergedValues(values, sourced), narrative);
  const sourceFailures: FieldIssue[] = Object.entries(sourced).filter(([, s]) => s.error)
    .map(([code, s]) => ({ field: `values.${code}`, message: { vi: `không lấy được số liệu từ dữ liệu: ${s.error}`, en: `could not compute from records: ${s.error}` } }));
  const hard = outcomes.filter((o) => o.severity === 'hard');
  if (hard.length || sourceFailures.length) {
    throw new ValidationError([
      ...hard.map((o) => ({ field: o.field.startsWith('narrative.') ? o.field : `values.${o.field}`, message: o.message })),
      ...sourceFailures,
    ], {
      vi: `Chưa gửi được: ${[...hard.map((o) => o.message.vi), ...sourceFailures.map((f) => f.message.vi)].join('; ')}`,
      en: `Not submitted: ${[...hard.map((o) => o.message.en), ...sourceFailures.map((f) => f.message.en)].join('; ')}`,
    });
  }
  const aggregate = await subordinatesAggregate(db, structure, report.unit_id, definition);
  const last = await repo.latestVersion(db, reportId);
  const seq = (last?.seq ?? 0) + 1;
  const now = new Date().toISOString();
  const warnings = outcomes.filter((o) => o.severity === 'soft');
  await repo.insertVersion(db, {
    report_id: reportId, seq, form_version_id: report.form_version_id, values_json: report.values_json, sources_json: JSON.stringify(sourced),
    narrative_json: report.narrative_json, aggregate_json: serializeAggregate(aggregate),
    warnings_json: JSON.stringify(warnings.map((w) => ({ field: w.field, message: w.message }))),
    submitted_at: now, submitted_by: actorId(actor), submitted_by_name: actorName(actor),
  });
  // The schedule's own unit has no reviewer here: its report is final when sent.
  const final = report.reviewer_unit_id === null;
  const ok = await repo.updateReportIfVersion(db, reportId, version, {
    status: final ? 'accepted' : 'submitted', submitted_at: now, first_submitted_at: report.first_submitted_at ?? now,
    decided_at: final ? now : report.decided_at, updated_by: actorId(actor), updated_at: now,
  });
  if (!ok) throw versionConflict((await repo.findReport(db, reportId))!, version);
  await repo.insertEvent(db, { reportId, action: final ? 'issued' : 'submitted', versionSeq: seq, comment: null, actorUserId: actorId(actor), actorName: actorName(actor), at: now });
  if (final) await applyAccepted(db, { ...report, status: 'accepted' }, schedule, definition, seq);
  else await notifications.enqueueJob(db, { kind: 'submitted', payload: { reportId, seq }, dedupeKey: `submitted:${reportId}:${seq}` });
  await audit.record(db, actor, { entity: 'report', entityId: reportId, action: 'submit', unitId: report.unit_id, after: { seq, status: final ? 'accepted' : 'submitted', warnings: warnings.length } });
  return { id: reportId, version: version + 1, seq, status: final ? 'accepted' : 'submitted', warnings: warnings.map((w) => w.message[lang]) };
}

