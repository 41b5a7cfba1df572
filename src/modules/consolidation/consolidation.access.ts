/** Which schedule a consolidation is about, and whether the actor may read it for a unit. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { todayVn } from '../../core/dates';
import { NotFoundError, invalidField } from '../../core/errors';
import { parsePeriodKey } from '../../core/periods';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as schedules from '../report-schedules/report-schedules.service';
import type { ScheduleRow } from '../report-schedules/report-schedules.service';
import * as repo from './consolidation.repository';

type Db = Kysely<Database>;

/** The schedule named, or the only active one of that period type whose subtree holds the unit. */
export async function resolveSchedule(db: Db, unitId: number, periodKey: string, scheduleId?: number): Promise<ScheduleRow> {
  if (scheduleId !== undefined) {
    const row = await schedules.loadSchedule(db, scheduleId);
    schedules.requirePeriodOf(row, periodKey);
    const then = await repo.subtreeIds(db, row.hierarchy, row.unit_id, schedules.treeDateOf(row, periodKey));
    if (!then.has(unitId) && !(await repo.subtreeIds(db, row.hierarchy, row.unit_id, todayVn())).has(unitId)) {
      throw invalidField('unit', `đơn vị ${unitId} không thuộc phạm vi lịch báo cáo "${row.name}"`, `unit ${unitId} is outside schedule "${row.name}"`);
    }
    return row;
  }
  const type = parsePeriodKey(periodKey)!.type;
  const candidates: ScheduleRow[] = [];
  for (const row of await schedules.listSchedulesOfType(db, type)) {
    if (!schedules.isPeriodOf(row, periodKey)) continue;
    const then = await repo.subtreeIds(db, row.hierarchy, row.unit_id, schedules.treeDateOf(row, periodKey));
    const now = then.has(unitId) ? then : await repo.subtreeIds(db, row.hierarchy, row.unit_id, todayVn());
    if (now.has(unitId)) candidates.push(row);
  }
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) throw new NotFoundError('report_schedule', `${periodKey}`);
  const list = candidates.map((c) => `${c.id} (${c.name})`).join('; ');
  throw invalidField('schedule', `có ${candidates.length} lịch báo cáo cho kỳ này, hãy chọn một: ${list}`, `${candidates.length} schedules cover this period; choose one: ${list}`);
}

/** Readers of the unit's subtree, or the department receiving for the schedule's unit. */
export async function authorizeRead(db: Db, actor: Actor | null, schedule: ScheduleRow, unitId: number): Promise<void> {
  if (await schedules.actsFor(db, actor, schedule)) return;
  await access.authorize(db, actor, { action: 'report.consolidation.read', unitId });
}
