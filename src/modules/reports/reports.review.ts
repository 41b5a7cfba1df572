/**
 * The superior's side of the chain: accept a submitted report (its figures join the rollups of
 * every ancestor at once) or return it with a comment; mark highlights for the compiled
 * narrative above; the inbox of reports awaiting one's review.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, invalidField, registerEntityName } from '../../core/errors';
import { paragraphs } from '../../core/text-diff';
import type { Narrative } from '../../core/report-form';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import * as notifications from '../notifications/notifications.service';
import * as forms from '../report-forms/report-forms.service';
import * as schedules from '../report-schedules/report-schedules.service';
import { mayReview } from './reports.access';
import { flagsForPeriod } from './reports.flags';
import * as repo from './reports.repository';
import type { ReportRow } from './reports.repository';
import { applyAccepted } from './reports.rollups';
import { actorName, loadContext, summarize } from './reports.service';

type Db = Kysely<Database>;
type Lang = 'vi' | 'en';

registerEntityName('report_highlight', { vi: 'đánh dấu', en: 'Highlight' });

const actorId = (actor: Actor | null) => (actor?.kind === 'user' ? actor.userId : null);

function requireSubmitted(report: ReportRow): void {
  if (report.status !== 'submitted') {
    throw new ConflictError({
      vi: report.status === 'accepted' ? 'Báo cáo đã được tiếp nhận' : report.status === 'returned' ? 'Báo cáo đã được trả lại' : 'Báo cáo chưa được gửi',
      en: report.status === 'accepted' ? 'The report was already accepted' : report.status === 'returned' ? 'The report was already returned' : 'The report has not been submitted',
    }, { status: report.status }, 'not_submitted');
  }
}

async function authorizeReview(db: Db, actor: Actor | null, schedule: schedules.ScheduleRow, report: ReportRow): Promise<void> {
  if (!actor) throw new UnauthorizedError();
  if (!(await mayReview(db, actor, schedule, report))) throw new ForbiddenError('report.review', report.reviewer_unit_id);
}

export async function accept(db: Db, actor: Actor | null, reportId: number, comment: string | undefined) {
  const { report, schedule } = await loadContext(db, reportId, true);
  if (actor?.kind !== 'system') await authorizeReview(db, actor, schedule, report);
  requireSubmitted(report);
  const last = await repo.latestVersion(db, reportId);
  if (!last) throw new NotFoundError('report_version', reportId);
  const now = new Date().toISOString();
  const ok = await repo.updateReportIfVersion(db, reportId, report.version, { status: 'accepted', decided_at: now, last_comment: comment ?? null, updated_at: now });
  if (!ok) throw new ConflictError({ vi: 'Báo cáo vừa thay đổi; hãy tải lại', en: 'The report changed meanwhile; reload' }, undefined, 'edit_conflict');
  // The figures are those of the version that was submitted, read with the form version it was filled in.
  const { definition } = await forms.definitionOfVersion(db, last.form_version_id);
  await applyAccepted(db, report, schedule, definition, last.seq);
  await repo.insertEvent(db, { reportId, action: 'accepted', versionSeq: last.seq, comment: comment ?? null, actorUserId: actorId(actor), actorName: actorName(actor), at: now });
  await notifications.enqueueJob(db, { kind: 'accepted', payload: { reportId, seq: last.seq }, dedupeKey: `accepted:${reportId}:${last.seq}` });
  await audit.record(db, actor, { entity: 'report', entityId: reportId, action: 'accept', unitId: report.unit_id, after: { seq: last.seq, comment: comment ?? null } });
  return { id: reportId, status: 'accepted' as const, version: report.version + 1 };
}

export async function returnReport(db: Db, actor: Actor | null, reportId: number, comment: string) {
  const { report, schedule } = await loadContext(db, reportId, true);
  if (actor?.kind !== 'system') await authorizeReview(db, actor, schedule, report);
  requireSubmitted(report);
  const last = await repo.latestVersion(db, reportId);
  const now = new Date().toISOString();
  const ok = await repo.updateReportIfVersion(db, reportId, report.version, { status: 'returned', decided_at: now, last_comment: comment, updated_at: now });
  if (!ok) throw new ConflictError({ vi: 'Báo cáo vừa thay đổi; hãy tải lại', en: 'The report changed meanwhile; reload' }, undefined, 'edit_conflict');
  await repo.insertEvent(db, { reportId, action: 'returned', versionSeq: last?.seq ?? null, comment, actorUserId: actorId(actor), actorName: actorName(actor), at: now });
  await notifications.enqueueJob(db, { kind: 'returned', payload: { reportId, seq: last?.seq ?? 0 }, dedupeKey: `returned:${reportId}:${last?.seq ?? 0}` });
  await audit.record(db, actor, { entity: 'report', entityId: reportId, action: 'return', unitId: report.unit_id, after: { seq: last?.seq ?? null, comment } });
  return { id: reportId, status: 'returned' as const, version: report.version + 1 };
}

export async function addHighlight(db: Db, actor: Actor | null, reportId: number, input: { section: string; paragraph: number; note?: string }) {
  const { report, schedule, definition } = await loadContext(db, reportId);
  await authorizeReview(db, actor, schedule, report);
  if (report.status !== 'submitted' && report.status !== 'accepted') throw requireSubmittedOrAccepted();
  if (!definition.sections.some((s) => s.code === input.section)) throw invalidField('section', 'không có phần này trong biểu mẫu', 'no such section in the form');
  const last = await repo.latestVersion(db, reportId);
  const text = (JSON.parse(last?.narrative_json ?? '{}') as Narrative)[input.section] ?? '';
  const count = paragraphs(text).length;
  if (count === 0) throw invalidField('section', 'phần này chưa có nội dung', 'the section is empty');
  if (input.paragraph >= count) throw invalidField('paragraph', `phần này chỉ có ${count} đoạn (0–${count - 1})`, `the section has ${count} paragraphs (0–${count - 1})`);
  if (await repo.highlightExists(db, reportId, input.section, input.paragraph)) {
    throw new ConflictError({ vi: 'Đoạn này đã được đánh dấu', en: 'This paragraph is already marked' }, { field: 'paragraph' }, 'duplicate_highlight');
  }
  const id = await repo.insertHighlight(db, {
    reportId, sectionCode: input.section, paragraph: input.paragraph, note: input.note ?? null,
    markedBy: actorId(actor), markedByUnitId: report.reviewer_unit_id, now: new Date().toISOString(),
  });
  await audit.record(db, actor, { entity: 'report', entityId: reportId, action: 'highlight', unitId: report.unit_id, after: { id, ...input } });
  return { id, section: input.section, paragraph: input.paragraph, note: input.note ?? null };
}

function requireSubmittedOrAccepted() {
  return new ConflictError({ vi: 'Chỉ đánh dấu được báo cáo đã gửi', en: 'Only submitted reports can be marked' }, undefined, 'not_submitted');
}

export async function removeHighlight(db: Db, actor: Actor | null, reportId: number, highlightId: number) {
  if (!actor) throw new UnauthorizedError();
  const h = await repo.findHighlight(db, highlightId);
  if (!h || h.report_id !== reportId) throw new NotFoundError('report_highlight', highlightId);
  const { report, schedule } = await loadContext(db, reportId);
  await authorizeReview(db, actor, schedule, report);
  await repo.deleteHighlight(db, highlightId);
  await audit.record(db, actor, { entity: 'report', entityId: reportId, action: 'unhighlight', unitId: report.unit_id, before: { id: highlightId, section: h.section_code, paragraph: h.paragraph } });
}

/**
 * Reports waiting for the actor's decision: those received by units where the actor reviews,
 * and, for a department receiving for its committee, those addressed to the department.
 */
export async function inbox(db: Db, actor: Actor | null, q: { status: string; limit: number }, lang: Lang) {
  const user = access.requireUser(actor);
  const reviewUnits = user.grants.filter((g) => g.role === 'leader' || g.role === 'coordinator').map((g) => g.unitId);
  const receivers = new Set(reviewUnits);
  // A committee's leaders also review what its receiving department receives.
  const owned = await schedules.listSchedulesOwnedBy(db, reviewUnits);
  for (const s of owned) if (s.recipient_unit_id !== null) receivers.add(s.recipient_unit_id);
  const rows = await repo.listReports(db, { reviewerUnitIds: [...receivers], statuses: [q.status], limit: q.limit });
  const visible: ReportRow[] = [];
  for (const row of rows) {
    const schedule = await schedules.loadSchedule(db, row.schedule_id);
    if (await mayReview(db, actor, schedule, row)) visible.push(row);
  }
  // How many figures of each look wrong, so the reviewer sees where to look first.
  const flagCount = new Map<number, number>();
  const groups = new Map<string, ReportRow[]>();
  for (const r of visible) groups.set(`${r.schedule_id}|${r.period_key}`, [...(groups.get(`${r.schedule_id}|${r.period_key}`) ?? []), r]);
  for (const group of groups.values()) {
    const schedule = await schedules.loadSchedule(db, group[0].schedule_id);
    for (const f of await flagsForPeriod(db, schedule, group[0].period_key, lang, { unitIds: group.map((r) => r.unit_id) })) {
      flagCount.set(f.reportId, (flagCount.get(f.reportId) ?? 0) + 1);
    }
  }
  return (await summarize(db, visible, lang)).map((s) => ({ ...s, flagCount: flagCount.get(s.id) ?? 0 }));
}
