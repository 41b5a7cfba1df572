/**
 * Keeping consolidations current without recomputing the country: when a report is accepted,
 * its figures are stored once and added to the rollup of every ancestor as structured at the
 * period's end. `recomputeRollups` rebuilds the same rows from scratch; both must agree.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { addDays } from '../../core/dates';
import type { FormDefinition, Values } from '../../core/report-form';
import { contributions } from '../../core/rollup';
import type { Database } from '../../db/schema';
import type { ReportValuesTable } from '../../db/tables/reporting';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import { treeDateOf, type ScheduleRow } from '../report-schedules/report-schedules.service';
import type { SourcedFigure } from './reports.figures';
import { mergedValues } from './reports.figures';
import * as repo from './reports.repository';
import type { ReportRow } from './reports.repository';
import * as rollups from './reports.rollups.repository';

type Db = Kysely<Database>;

/** The day whose tree places a unit for a period: the period's end, or its last day if it ended earlier. */
export async function treeDateFor(db: Db, schedule: ScheduleRow, periodKey: string, unitId: number): Promise<string> {
  const end = treeDateOf(schedule, periodKey);
  const unitEnd = await repo.unitEnd(db, unitId);
  return unitEnd !== null && unitEnd <= end ? addDays(unitEnd, -1) : end;
}

/** Store an accepted version's figures and add them to every ancestor's rollup. */
export async function applyAccepted(db: Db, report: ReportRow, schedule: ScheduleRow, definition: FormDefinition, seq: number): Promise<void> {
  const version = await repo.findVersion(db, report.id, seq);
  if (!version) throw new Error(`report ${report.id} has no version ${seq}`);
  const values = mergedValues(JSON.parse(version.values_json) as Values, JSON.parse(version.sources_json) as Record<string, SourcedFigure>);
  const treeDate = await treeDateFor(db, schedule, report.period_key, report.unit_id);
  const rows: ReportValuesTable[] = [...contributions(definition, values)].map(([indicator, c]) => ({
    report_id: report.id, indicator, schedule_id: schedule.id, period_key: report.period_key, unit_id: report.unit_id,
    tree_date: treeDate, value: c.value, weight: c.weight,
  }));
  await rollups.deleteValues(db, report.id);
  await rollups.insertValues(db, rows);
  await rollups.addToAncestors(db, report.id, schedule.hierarchy);
}

/** Rebuild rollups of one schedule (optionally one period) or of everything, from the accepted figures. */
export async function recomputeRollups(db: Db, actor: Actor | null, q: { scheduleId?: number; periodKey?: string } = {}) {
  await access.authorize(db, actor, { action: 'report.rollup.recompute', unitId: null });
  const targets = (await rollups.periodsWithData(db, q.scheduleId)).filter((t) => q.periodKey === undefined || t.periodKey === q.periodKey);
  const hierarchies = new Map<number, string>();
  for (const t of targets) {
    if (!hierarchies.has(t.scheduleId)) {
      const row = await db.selectFrom('report_schedules').select('hierarchy').where('id', '=', t.scheduleId).executeTakeFirst();
      hierarchies.set(t.scheduleId, row?.hierarchy ?? 'party');
    }
    await rollups.recompute(db, t.scheduleId, t.periodKey, hierarchies.get(t.scheduleId)!);
  }
  await audit.record(db, actor, { entity: 'report_rollup', action: 'recompute', after: { periods: targets.length, ...q } });
  return { periods: targets.length };
}
