/**
 * Completeness and timeliness of a period: each unit that must report is on time, late,
 * missing, returned (awaiting correction) or not yet due; counted per unit and rolled up per
 * unit below. Timeliness is judged by the first submission (Vietnam time) against the deadline:
 * a report sent on time and returned for correction stays on time once resubmitted.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { daysBetween, todayVn } from '../../core/dates';
import { invalidField } from '../../core/errors';
import { comparePeriodKeys, periodLabel } from '../../core/periods';
import { resultOf, emptyAccumulator } from '../../core/rollup';
import type { Database } from '../../db/schema';
import * as forms from '../report-forms/report-forms.service';
import { loadSchedule, periodsOf, treeDateOf, type ScheduleRow } from '../report-schedules/report-schedules.service';
import { reportingStructure, type ReportingUnit } from '../report-schedules/report-schedules.structure';
import * as reports from '../reports/reports.queries';
import type { ReportRow } from '../reports/reports.queries';
import type { Completeness } from './consolidation.contract';
import { authorizeRead, resolveSchedule } from './consolidation.access';
import * as repo from './consolidation.repository';

type Db = Kysely<Database>;
type Lang = 'vi' | 'en';
type Status = Completeness['units'][number]['status'];

/** The Vietnamese business day of an instant. */
const dayOf = (instant: string) => todayVn(new Date(instant));

export function statusOf(report: ReportRow | undefined, dueDate: string, today: string): { status: Status; daysLate: number | null } {
  if (report?.status === 'returned') return { status: 'returned', daysLate: null };
  if (!report?.first_submitted_at) return today > dueDate ? { status: 'missing', daysLate: daysBetween(dueDate, today) } : { status: 'not_due', daysLate: null };
  const day = dayOf(report.first_submitted_at);
  return day <= dueDate ? { status: 'on_time', daysLate: null } : { status: 'late', daysLate: daysBetween(dueDate, day) };
}

function emptyCounts(): Completeness['summary'] {
  return { expected: 0, on_time: 0, late: 0, missing: 0, returned: 0, not_due: 0, accepted: 0, awaiting_review: 0 };
}

function count(into: Completeness['summary'], unit: { status: Status; review: string }): void {
  into.expected += 1;
  into[unit.status] += 1;
  if (unit.review === 'accepted') into.accepted += 1;
  if (unit.review === 'submitted') into.awaiting_review += 1;
}

export async function completeness(db: Db, actor: Actor | null, q: { unit: number; period: string; schedule?: number }, lang: Lang, today = todayVn()): Promise<Completeness> {
  const schedule = await resolveSchedule(db, q.unit, q.period, q.schedule);
  await authorizeRead(db, actor, schedule, q.unit);
  return completenessFor(db, schedule, q, lang, today);
}

/** Completeness without a permission check, for callers that made theirs. */
export async function completenessFor(db: Db, schedule: ScheduleRow, q: { unit: number; period: string }, lang: Lang, today = todayVn()): Promise<Completeness> {
  const treeDate = treeDateOf(schedule, q.period);
  const unit = await repo.unitOn(db, q.unit, treeDate);
  if (!unit) throw invalidField('unit', `đơn vị ${q.unit} không tồn tại vào cuối kỳ`, `unit ${q.unit} did not exist at the period's end`);
  const structure = await reportingStructure(db, schedule, q.period, { within: q.unit });
  const subtree = await repo.subtreeIds(db, schedule.hierarchy, q.unit, treeDate);
  const expected = structure.units.filter((u) => u.unitId !== q.unit && subtree.has(u.unitId));
  const rows = await reports.reportsOfPeriod(db, schedule.id, q.period, expected.map((u) => u.unitId));
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  const units = expected.map((u: ReportingUnit) => {
    const r = byUnit.get(u.unitId);
    const { status, daysLate } = statusOf(r, structure.dueDate, today);
    return {
      unitId: u.unitId, name: u.name, kind: u.kind, depth: u.depth, parentReporterId: u.parentReporterId, reviewerUnitId: u.reviewerUnitId,
      status, review: r?.status ?? 'none', reportId: r?.id ?? null, firstSubmittedAt: r?.first_submitted_at ?? null, daysLate,
    };
  });
  const summary = emptyCounts();
  for (const u of units) count(summary, u);
  // Rolled up under each top unit below: itself and every reporting unit in its chain.
  const top = expected.filter((u) => u.parentReporterId === null || u.parentReporterId === q.unit || !subtree.has(u.parentReporterId));
  const topOf = (u: ReportingUnit): number => {
    let current = u;
    while (current.parentReporterId !== null && current.parentReporterId !== q.unit && structure.byId.has(current.parentReporterId) && subtree.has(current.parentReporterId)) {
      current = structure.byId.get(current.parentReporterId)!;
    }
    return current.unitId;
  };
  const perTop = new Map(top.map((t) => [t.unitId, emptyCounts()]));
  units.forEach((u, i) => count(perTop.get(topOf(expected[i]))!, u));
  return {
    schedule: { id: schedule.id, name: schedule.name },
    period: { key: q.period, label: periodLabel(q.period, lang), dueDate: structure.dueDate },
    unit: { id: q.unit, name: unit.name }, today, summary, units,
    byUnit: top.map((t) => ({ unitId: t.unitId, name: t.name, counts: perTop.get(t.unitId)! })),
  };
}

/** A unit's consolidated figures over the periods of a schedule (as structured then). */
export async function trend(db: Db, actor: Actor | null, q: { unit: number; schedule: number; from?: string; to?: string }, lang: Lang) {
  const schedule = await loadSchedule(db, q.schedule);
  await authorizeRead(db, actor, schedule, q.unit);
  const current = await forms.currentVersion(db, schedule.form_id);
  const def = current!.definition;
  const periods = periodsOf(schedule).filter((k) => (!q.from || comparePeriodKeys(k, q.from) >= 0) && (!q.to || comparePeriodKeys(k, q.to) <= 0)).slice(-36);
  const indicators = def.indicators.filter((i) => i.aggregation !== 'none');
  const names = await repo.namesLatest(db, [q.unit]);
  const out = [];
  for (const key of periods) {
    const rollup = (await reports.rollupsOf(db, schedule.id, key, [q.unit])).get(q.unit);
    const values: Record<string, number | null> = {};
    let n = 0;
    for (const ind of indicators) {
      const acc = rollup?.get(ind.code) ?? emptyAccumulator();
      values[ind.code] = resultOf(acc, ind.aggregation);
      n = Math.max(n, acc.n);
    }
    out.push({ key, label: periodLabel(key, lang), values, reports: n });
  }
  return {
    unit: { id: q.unit, name: names.get(q.unit) ?? `#${q.unit}` },
    schedule: { id: schedule.id, name: schedule.name },
    indicators: indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit ?? null })),
    periods: out,
  };
}
