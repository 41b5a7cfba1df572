/**
 * Reminders: due soon (the schedule's days before the deadline, 7, 3, 1 by default), overdue,
 * and the chain's events (submitted for review, returned, accepted). Every reminder is a
 * persisted job with a unique key: planning twice enqueues nothing new, and a job is marked done
 * in the same transaction that writes its notifications, so a restart neither loses nor repeats
 * one. E-mails follow through notifications.deliverEmails.
 */
import type { Kysely } from 'kysely';
import { addDays, daysBetween, formatVnDate, todayVn } from '../../core/dates';
import { periodLabel } from '../../core/periods';
import type { Database } from '../../db/schema';
import * as notifications from '../notifications/notifications.service';
import type { JobOutcome, JobRow } from '../notifications/notifications.service';
import { deliverEmails, type MailSettings } from '../notifications/notifications.mailer';
import * as schedules from '../report-schedules/report-schedules.service';
import { reportingStructure } from '../report-schedules/report-schedules.structure';
import * as repo from './reports.repository';

type Db = Kysely<Database>;
type Lang = 'vi' | 'en';

/** How far back an unsent report still gets its overdue reminder (e.g. after the server was down). */
const OVERDUE_WINDOW_DAYS = 30;

function daysOf(schedule: schedules.ScheduleRow): number[] {
  return (JSON.parse(schedule.reminder_days_json) as number[]).filter((d) => d > 0);
}

/** Enqueue the reminders that are due today for every active schedule; returns how many were new. */
export async function planReminders(db: Db, today = todayVn()): Promise<number> {
  let planned = 0;
  for (const schedule of await schedules.listActiveSchedules(db)) {
    const id = schedule.id;
    const days = daysOf(schedule);
    const horizon = Math.max(0, ...days);
    for (const period of schedules.periodsOf(schedule, addDays(today, horizon))) {
      const due = schedules.dueDateOf(schedule, period);
      const left = daysBetween(today, due);
      if (left > horizon || left < -OVERDUE_WINDOW_DAYS) continue;
      const structure = await reportingStructure(db, schedule, period);
      const reports = new Map((await repo.listReports(db, { scheduleId: id, periodKey: period, limit: 10_000_000 })).map((r) => [r.unit_id, r]));
      for (const unit of structure.units) {
        const report = reports.get(unit.unitId);
        if (report?.first_submitted_at) continue;
        const payload = { scheduleId: id, period, unitId: unit.unitId };
        if (left >= 0) {
          const crossed = days.filter((d) => d >= left);
          if (crossed.length === 0) continue;
          const d = Math.min(...crossed);
          if (await notifications.enqueueJob(db, { kind: 'due_soon', payload: { ...payload, days: d }, dedupeKey: `due:${id}:${period}:${unit.unitId}:${d}` })) planned += 1;
        } else if (await notifications.enqueueJob(db, { kind: 'overdue', payload, dedupeKey: `overdue:${id}:${period}:${unit.unitId}` })) {
          planned += 1;
        }
      }
    }
  }
  return planned;
}

interface Message {
  title: string;
  body: string;
}

async function send(db: Db, job: JobRow, unitIds: number[], roles: string[], link: string, unitId: number, text: (lang: Lang) => Message): Promise<JobOutcome> {
  const people = await repo.usersWithRoleAt(db, unitIds, roles);
  if (people.length === 0) return { status: 'skipped', outcome: 'no one holds the role at the unit' };
  let created = 0;
  for (const p of people) {
    const m = text(p.locale === 'en' ? 'en' : 'vi');
    created += await notifications.notify(db, { userIds: [{ id: p.id, email: p.email }], kind: job.kind, title: m.title, body: m.body, link, unitId, dedupeKey: `job${job.id}` });
  }
  return { status: 'done', outcome: `${created} notification(s)` };
}

/** Turn one claimed job into notifications (or skip it when it no longer applies). */
export async function handleJob(db: Db, job: JobRow): Promise<JobOutcome> {
  const payload = JSON.parse(job.payload_json) as Record<string, number | string>;
  if (job.kind === 'due_soon' || job.kind === 'overdue') {
    const schedule = await schedules.loadSchedule(db, Number(payload.scheduleId));
    const period = String(payload.period);
    const unitId = Number(payload.unitId);
    const report = await repo.findReportFor(db, schedule.id, period, unitId);
    if (report?.first_submitted_at) return { status: 'skipped', outcome: 'already submitted' };
    const names = await repo.unitNamesLatest(db, [unitId]);
    const due = schedules.dueDateOf(schedule, period);
    const link = report ? `/app/reports/${report.id}` : `/app/reports?schedule=${schedule.id}&period=${period}`;
    return send(db, job, [unitId], ['reporter', 'coordinator'], link, unitId, (lang) => job.kind === 'due_soon'
      ? lang === 'vi'
        ? { title: `Còn ${payload.days} ngày: ${schedule.name} – ${periodLabel(period)}`, body: `Hạn gửi báo cáo ${periodLabel(period)} của ${names.get(unitId)} là ngày ${formatVnDate(due)}.` }
        : { title: `${payload.days} day(s) left: ${schedule.name} – ${periodLabel(period, 'en')}`, body: `The ${periodLabel(period, 'en')} report of ${names.get(unitId)} is due on ${formatVnDate(due)}.` }
      : lang === 'vi'
        ? { title: `Quá hạn: ${schedule.name} – ${periodLabel(period)}`, body: `Báo cáo ${periodLabel(period)} của ${names.get(unitId)} đã quá hạn (hạn ${formatVnDate(due)}) mà chưa được gửi.` }
        : { title: `Overdue: ${schedule.name} – ${periodLabel(period, 'en')}`, body: `The ${periodLabel(period, 'en')} report of ${names.get(unitId)} was due on ${formatVnDate(due)} and has not been sent.` });
  }
  const report = await repo.findReport(db, Number(payload.reportId));
  if (!report) return { status: 'skipped', outcome: 'report not found' };
  const schedule = await schedules.loadSchedule(db, report.schedule_id);
  const names = await repo.unitNamesLatest(db, [report.unit_id, ...(report.reviewer_unit_id ? [report.reviewer_unit_id] : [])]);
  const unitName = names.get(report.unit_id);
  const label = (lang: Lang) => `${schedule.name} – ${periodLabel(report.period_key, lang)}`;
  const link = `/app/reports/${report.id}`;
  switch (job.kind) {
    case 'submitted': {
      if (report.status !== 'submitted' || report.reviewer_unit_id === null) return { status: 'skipped', outcome: `status is ${report.status}` };
      const reviewers = [report.reviewer_unit_id, ...(report.reviewer_unit_id === schedule.recipient_unit_id ? [schedule.unit_id] : [])];
      return send(db, job, reviewers, ['leader', 'coordinator'], link, report.reviewer_unit_id, (lang) => lang === 'vi'
        ? { title: `Báo cáo mới cần xem xét: ${unitName}`, body: `${unitName} đã gửi ${label('vi')}.` }
        : { title: `New report to review: ${unitName}`, body: `${unitName} submitted ${label('en')}.` });
    }
    case 'returned':
      return send(db, job, [report.unit_id], ['reporter', 'coordinator'], link, report.unit_id, (lang) => lang === 'vi'
        ? { title: `Báo cáo bị trả lại: ${label('vi')}`, body: `Cấp trên trả lại báo cáo của ${unitName}: ${report.last_comment ?? ''}` }
        : { title: `Report returned: ${label('en')}`, body: `The report of ${unitName} was returned: ${report.last_comment ?? ''}` });
    case 'accepted':
      return send(db, job, [report.unit_id], ['reporter', 'coordinator'], link, report.unit_id, (lang) => lang === 'vi'
        ? { title: `Báo cáo đã được tiếp nhận: ${label('vi')}`, body: `${names.get(report.reviewer_unit_id ?? 0) ?? 'Cấp trên'} đã tiếp nhận báo cáo của ${unitName}.` }
        : { title: `Report accepted: ${label('en')}`, body: `${names.get(report.reviewer_unit_id ?? 0) ?? 'The superior'} accepted the report of ${unitName}.` });
    default:
      return { status: 'skipped', outcome: `unknown job kind ${job.kind}` };
  }
}

/** One pass: plan what is due, run due jobs, send e-mails. What the scheduler and the CLI run. */
export async function runReminders(db: Db, mail: MailSettings, options: { worker: string; today?: string; now?: () => Date } = { worker: 'cli' }) {
  const planned = await db.transaction().execute((tx) => planReminders(tx, options.today ?? todayVn(options.now?.())));
  const jobs = await notifications.runDueJobs(db, handleJob, { worker: options.worker, now: options.now });
  const emails = await deliverEmails(db, mail);
  return { planned, jobs, emails };
}
