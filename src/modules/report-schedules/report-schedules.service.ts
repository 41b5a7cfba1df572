/**
 * Schedules: which form, which periods (type, cut-off convention, deadline offset), which units
 * report (units of given kinds in a subtree) and to whom (the nearest reporting superior, or
 * for the top level the schedule's unit, through a named department such as Ban Tuyên giáo).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { addDays, todayVn } from '../../core/dates';
import { NotFoundError, ValidationError, invalidField, registerEntityName, type FieldIssue } from '../../core/errors';
import {
  comparePeriodKeys, dueDate, parsePeriodKey, periodContaining, periodLabel, periodRange, periodsBetween,
  type CutoffConvention, type PeriodType,
} from '../../core/periods';
import type { Action } from '../../core/permissions';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import * as forms from '../report-forms/report-forms.service';
import * as plans from '../plans/plans.service';
import type { CreateScheduleInput, Schedule, ScheduleScope, UpdateScheduleInput } from './report-schedules.contract';
import * as repo from './report-schedules.repository';
import type { ScheduleRow } from './report-schedules.repository';

type Db = Kysely<Database>;
export type { ScheduleRow };

registerEntityName('report_schedule', { vi: 'lịch báo cáo', en: 'Reporting schedule' });
registerEntityName('report_period', { vi: 'kỳ báo cáo', en: 'Reporting period' });

export function scopeOf(row: ScheduleRow): ScheduleScope {
  return JSON.parse(row.scope_json) as ScheduleScope;
}

export function convention(row: ScheduleRow): CutoffConvention {
  return row.cutoff as CutoffConvention;
}

/** The day whose tree says who reports: the period's last day. */
export function treeDateOf(row: ScheduleRow, periodKey: string): string {
  return periodRange(periodKey, convention(row)).end;
}

/** The periods of a schedule: from the first to the last, or up to the next one due from today. */
export function periodsOf(row: ScheduleRow, today = todayVn()): string[] {
  const first = row.first_period;
  if (row.period_type === 'adhoc') return [first];
  const last = row.last_period ?? periodContaining(row.period_type as Exclude<PeriodType, 'adhoc'>, addDays(today, 31), convention(row));
  if (comparePeriodKeys(last, first) < 0) return [];
  return periodsBetween(first, last, 240);
}

export function isPeriodOf(row: ScheduleRow, periodKey: string): boolean {
  const p = parsePeriodKey(periodKey);
  if (!p || p.type !== row.period_type) return false;
  if (row.period_type === 'adhoc') return periodKey === row.first_period;
  if (comparePeriodKeys(periodKey, row.first_period) < 0) return false;
  return row.last_period === null || comparePeriodKeys(periodKey, row.last_period) <= 0;
}

export function requirePeriodOf(row: ScheduleRow, periodKey: string, field = 'period'): void {
  if (!isPeriodOf(row, periodKey)) {
    throw invalidField(field, `"${periodKey}" không phải kỳ báo cáo của lịch "${row.name}"`, `"${periodKey}" is not a period of schedule "${row.name}"`);
  }
}

export function dueDateOf(row: ScheduleRow, periodKey: string): string {
  return dueDate(periodKey, convention(row), row.due_offset_days);
}

/** A department receiving for the schedule's unit: its leader/coordinator act for that unit here. */
export async function actsFor(db: Db, actor: Actor | null, row: ScheduleRow): Promise<boolean> {
  if (!actor) return false;
  if (actor.kind === 'system') return true;
  return row.recipient_unit_id !== null && access.can(db, actor, { action: 'report.review', unitId: row.recipient_unit_id });
}

/** Allowed on the schedule's unit itself, or as its receiving department. */
async function authorizeOnSchedule(db: Db, actor: Actor | null, row: ScheduleRow, action: Action): Promise<void> {
  if (await access.can(db, actor, { action, unitId: row.unit_id })) return;
  if (row.recipient_unit_id !== null && (await access.can(db, actor, { action, unitId: row.recipient_unit_id }))) return;
  await access.authorize(db, actor, { action, unitId: row.unit_id });
}

export async function loadSchedule(db: Db, scheduleId: number): Promise<ScheduleRow> {
  const row = await repo.findSchedule(db, scheduleId);
  if (!row) throw new NotFoundError('report_schedule', scheduleId);
  return row;
}

async function present(db: Db, row: ScheduleRow): Promise<Schedule> {
  const today = todayVn();
  const names = await repo.unitNames(db, [row.unit_id, ...(row.recipient_unit_id ? [row.recipient_unit_id] : [])], today);
  const form = await forms.currentVersion(db, row.form_id);
  const plan = row.plan_id === null ? undefined : (await plans.planRefs(db, [row.plan_id])).get(row.plan_id);
  return {
    id: row.id, name: row.name, formId: row.form_id, formName: form?.form.name ?? '', planId: row.plan_id, hierarchy: row.hierarchy,
    plan: plan ? { id: plan.id, title: plan.title, number: plan.number } : null,
    unitId: row.unit_id, unitName: names.get(row.unit_id)?.name ?? null,
    recipientUnitId: row.recipient_unit_id, recipientUnitName: row.recipient_unit_id ? names.get(row.recipient_unit_id)?.name ?? null : null,
    periodType: row.period_type, cutoff: row.cutoff, dueOffsetDays: row.due_offset_days, firstPeriod: row.first_period, lastPeriod: row.last_period,
    scope: scopeOf(row), reminderDays: JSON.parse(row.reminder_days_json) as number[], active: row.active === 1,
    periods: periodsOf(row).map((key) => ({ key, label: periodLabel(key), ...periodRange(key, convention(row)), dueDate: dueDateOf(row, key) })),
  };
}

export async function getSchedule(db: Db, actor: Actor | null, scheduleId: number): Promise<Schedule> {
  const row = await loadSchedule(db, scheduleId);
  await authorizeOnSchedule(db, actor, row, 'report.schedule.read');
  return present(db, row);
}

export async function listSchedules(db: Db, actor: Actor | null, q: { unit?: number; plan?: number; form?: number; includeInactive?: boolean }) {
  let unitIds: number[] | undefined;
  if (q.unit !== undefined) {
    await access.authorize(db, actor, { action: 'report.schedule.read', unitId: q.unit });
    // Schedules of the unit itself and of its superiors: what it consolidates and what it must report.
    unitIds = await repo.lineOf(db, 'party', q.unit, todayVn());
    if (unitIds.length === 0) unitIds = [q.unit];
  } else {
    await access.authorize(db, actor, { action: 'report.schedule.read', unitId: null });
  }
  const rows = await repo.listSchedules(db, { unitIds, planId: q.plan, formId: q.form, includeInactive: q.includeInactive ?? false });
  const visible: Schedule[] = [];
  for (const row of rows) {
    if (await access.can(db, actor, { action: 'report.schedule.read', unitId: row.unit_id }) || (await actsFor(db, actor, row))) visible.push(await present(db, row));
  }
  return visible;
}

/** References must exist on `day` (the first period's end: a 2021 schedule names 2021 units). */
async function checkReferences(db: Db, input: {
  formId?: number; unitId?: number; recipientUnitId?: number | null; scope?: ScheduleScope; hierarchy: string; day: string;
}): Promise<void> {
  const issues: FieldIssue[] = [];
  const today = input.day;
  if (input.formId !== undefined && !(await forms.currentVersion(db, input.formId))) {
    issues.push({ field: 'formId', message: { vi: `không có biểu mẫu ${input.formId}`, en: `no form ${input.formId}` } });
  }
  if (input.unitId !== undefined && (await repo.lineOf(db, input.hierarchy, input.unitId, today)).length === 0) {
    issues.push({ field: 'unitId', message: { vi: `đơn vị ${input.unitId} không tồn tại trong hệ thống "${input.hierarchy}"`, en: `unit ${input.unitId} is not in hierarchy "${input.hierarchy}"` } });
  }
  if (input.recipientUnitId != null && (await repo.lineOf(db, input.hierarchy, input.recipientUnitId, today)).length === 0) {
    issues.push({ field: 'recipientUnitId', message: { vi: `đơn vị ${input.recipientUnitId} không tồn tại`, en: `unit ${input.recipientUnitId} does not exist` } });
  }
  if (input.scope) {
    const unknown = await repo.kindsExist(db, input.scope.kinds);
    if (unknown.length) issues.push({ field: 'scope.kinds', message: { vi: `loại đơn vị chưa khai báo: ${unknown.join(', ')}`, en: `unknown unit kinds: ${unknown.join(', ')}` } });
  }
  if (issues.length) throw new ValidationError(issues);
}

function checkPeriods(periodType: string, first: string, last: string | null | undefined): void {
  const issues: FieldIssue[] = [];
  if (parsePeriodKey(first)?.type !== periodType) issues.push({ field: 'firstPeriod', message: { vi: `kỳ "${first}" không thuộc loại ${periodType}`, en: `period "${first}" is not of type ${periodType}` } });
  if (last) {
    if (parsePeriodKey(last)?.type !== periodType) issues.push({ field: 'lastPeriod', message: { vi: `kỳ "${last}" không thuộc loại ${periodType}`, en: `period "${last}" is not of type ${periodType}` } });
    else if (periodType === 'adhoc' && last !== first) issues.push({ field: 'lastPeriod', message: { vi: 'lịch đột xuất chỉ có một kỳ', en: 'an ad hoc schedule has one period' } });
    else if (!issues.length && comparePeriodKeys(last, first) < 0) issues.push({ field: 'lastPeriod', message: { vi: 'kỳ cuối trước kỳ đầu', en: 'the last period is before the first' } });
  }
  if (issues.length) throw new ValidationError(issues);
}

/** A schedule attaches a form to an issued plan the actor can see. */
async function checkPlan(db: Db, actor: Actor | null, planId: number | null | undefined): Promise<void> {
  if (planId != null) await plans.planForLinking(db, actor, planId, 'planId');
}

export async function createSchedule(db: Db, actor: Actor | null, input: CreateScheduleInput): Promise<Schedule> {
  checkPeriods(input.periodType, input.firstPeriod, input.lastPeriod);
  await checkPlan(db, actor, input.planId);
  const day = periodRange(input.firstPeriod, input.cutoff).end;
  await checkReferences(db, { ...input, day });
  const draft = { unit_id: input.unitId, recipient_unit_id: input.recipientUnitId ?? null } as ScheduleRow;
  await authorizeOnSchedule(db, actor, draft, 'report.schedule.manage');
  if (input.recipientUnitId != null && input.recipientUnitId !== input.unitId) {
    // A receiving department works for the unit: it must sit inside the unit's subtree.
    const line = await repo.lineOf(db, input.hierarchy, input.recipientUnitId, day);
    if (!line.includes(input.unitId)) throw invalidField('recipientUnitId', 'đơn vị nhận báo cáo phải là ban/bộ phận trực thuộc đơn vị tổng hợp', 'the receiving department must belong to the consolidating unit');
  }
  const now = new Date().toISOString();
  const id = await repo.insertSchedule(db, {
    form_id: input.formId, plan_id: input.planId ?? null, name: input.name, hierarchy: input.hierarchy, unit_id: input.unitId,
    recipient_unit_id: input.recipientUnitId ?? null, period_type: input.periodType, cutoff: input.cutoff, due_offset_days: input.dueOffsetDays,
    first_period: input.firstPeriod, last_period: input.lastPeriod ?? (input.periodType === 'adhoc' ? input.firstPeriod : null),
    scope_json: JSON.stringify(input.scope), reminder_days_json: JSON.stringify([...new Set(input.reminderDays)].sort((a, b) => b - a)),
    active: input.active ? 1 : 0, created_by: actor?.kind === 'user' ? actor.userId : null, created_at: now, updated_at: now,
  });
  const row = await loadSchedule(db, id);
  await audit.record(db, actor, { entity: 'report_schedule', entityId: id, action: 'create', unitId: input.unitId, after: input });
  return present(db, row);
}

export async function updateSchedule(db: Db, actor: Actor | null, scheduleId: number, input: UpdateScheduleInput): Promise<Schedule> {
  const before = await loadSchedule(db, scheduleId);
  await authorizeOnSchedule(db, actor, before, 'report.schedule.manage');
  if (input.lastPeriod !== undefined) checkPeriods(before.period_type, before.first_period, input.lastPeriod);
  await checkPlan(db, actor, input.planId);
  const day = treeDateOf(before, before.first_period);
  await checkReferences(db, { recipientUnitId: input.recipientUnitId, scope: input.scope, hierarchy: before.hierarchy, day });
  if (input.recipientUnitId != null && input.recipientUnitId !== before.unit_id) {
    const line = await repo.lineOf(db, before.hierarchy, input.recipientUnitId, day);
    if (!line.includes(before.unit_id)) throw invalidField('recipientUnitId', 'đơn vị nhận báo cáo phải là ban/bộ phận trực thuộc đơn vị tổng hợp', 'the receiving department must belong to the consolidating unit');
  }
  await repo.updateSchedule(db, scheduleId, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.planId !== undefined ? { plan_id: input.planId } : {}),
    ...(input.recipientUnitId !== undefined ? { recipient_unit_id: input.recipientUnitId } : {}),
    ...(input.dueOffsetDays !== undefined ? { due_offset_days: input.dueOffsetDays } : {}),
    ...(input.lastPeriod !== undefined ? { last_period: input.lastPeriod } : {}),
    ...(input.scope !== undefined ? { scope_json: JSON.stringify(input.scope) } : {}),
    ...(input.reminderDays !== undefined ? { reminder_days_json: JSON.stringify([...new Set(input.reminderDays)].sort((a, b) => b - a)) } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    updated_at: new Date().toISOString(),
  });
  await audit.record(db, actor, { entity: 'report_schedule', entityId: scheduleId, action: 'update', unitId: before.unit_id, before, after: input });
  return present(db, await loadSchedule(db, scheduleId));
}

/** Schedules whose consolidating unit is one of these (for the inbox of a committee's leaders). */
export async function listSchedulesOwnedBy(db: Db, unitIds: number[]): Promise<ScheduleRow[]> {
  return repo.listSchedules(db, { unitIds, includeInactive: true });
}

export async function listSchedulesOfType(db: Db, periodType: string): Promise<ScheduleRow[]> {
  return repo.listSchedules(db, { periodType, includeInactive: false });
}

export async function listActiveSchedules(db: Db): Promise<ScheduleRow[]> {
  return repo.listSchedules(db, { includeInactive: false });
}
