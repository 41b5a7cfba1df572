/**
 * Who may do what with a report. The policy table decides per unit; these helpers add the two
 * things a unit relation alone cannot say: a department receiving for its committee (Ban Tuyên
 * giáo for the Standing Committee) acts for it, and unsubmitted work is seen only by the unit.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { ForbiddenError, UnauthorizedError } from '../../core/errors';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import { actsFor, type ScheduleRow } from '../report-schedules/report-schedules.service';
import type { ReportRow } from './reports.repository';

type Db = Kysely<Database>;

/** May fill in and submit the unit's report (the schedule's own unit: also its receiving department). */
export async function mayFill(db: Db, actor: Actor | null, schedule: ScheduleRow, unitId: number): Promise<boolean> {
  if (await access.can(db, actor, { action: 'report.fill', unitId })) return true;
  return unitId === schedule.unit_id && (await actsFor(db, actor, schedule));
}

/** May see the unit's working copy (draft or returned): only the unit itself. */
export async function maySeeWorking(db: Db, actor: Actor | null, schedule: ScheduleRow, unitId: number): Promise<boolean> {
  if (await access.can(db, actor, { action: 'report.read.draft', unitId })) return true;
  return mayFill(db, actor, schedule, unitId);
}

/** May accept or return it: the receiving unit's leader/coordinator (or, for a department, its committee's). */
export async function mayReview(db: Db, actor: Actor | null, schedule: ScheduleRow, report: Pick<ReportRow, 'reviewer_unit_id'>): Promise<boolean> {
  if (report.reviewer_unit_id === null) return false;
  if (await access.can(db, actor, { action: 'report.review', unitId: report.reviewer_unit_id })) return true;
  return report.reviewer_unit_id === schedule.recipient_unit_id && (await access.can(db, actor, { action: 'report.review', unitId: schedule.unit_id }));
}

/** May see submitted versions: superiors in the subtree, the reviewer, the receiving department. */
export async function maySeeSubmitted(db: Db, actor: Actor | null, schedule: ScheduleRow, report: Pick<ReportRow, 'unit_id' | 'reviewer_unit_id'>): Promise<boolean> {
  if (await access.can(db, actor, { action: 'report.read', unitId: report.unit_id })) return true;
  if (await maySeeWorking(db, actor, schedule, report.unit_id)) return true;
  if (await mayReview(db, actor, schedule, report)) return true;
  return actsFor(db, actor, schedule);
}

/**
 * Throws unless the actor may see something of the report. A report never submitted is the
 * unit's alone: anyone else is refused (403, like every refusal), superiors included.
 */
export async function authorizeSee(db: Db, actor: Actor | null, schedule: ScheduleRow, report: ReportRow): Promise<'working' | 'submitted'> {
  if (!actor) throw new UnauthorizedError();
  if (await maySeeWorking(db, actor, schedule, report.unit_id)) return 'working';
  if (await maySeeSubmitted(db, actor, schedule, report)) {
    if (report.first_submitted_at === null) throw new ForbiddenError('report.read.draft', report.unit_id);
    return 'submitted';
  }
  throw new ForbiddenError('report.read', report.unit_id);
}
