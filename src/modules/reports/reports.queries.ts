/**
 * Read-only questions other reporting capabilities (consolidation, reminders, exports) ask about
 * reports. No permission checks here: the caller has made its own for the unit it reads.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import * as repo from './reports.repository';
import * as rollups from './reports.rollups.repository';

type Db = Kysely<Database>;

export type { ReportRow } from './reports.repository';

export function reportsOfPeriod(db: Db, scheduleId: number, periodKey: string, unitIds?: number[]) {
  return repo.listReports(db, { scheduleId, periodKey, unitIds, limit: 10_000_000 });
}

export function rollupsOf(db: Db, scheduleId: number, periodKey: string, unitIds: number[]) {
  return rollups.readRollups(db, scheduleId, periodKey, unitIds);
}

export function acceptedValues(db: Db, scheduleId: number, periodKey: string) {
  return rollups.valuesOfPeriod(db, scheduleId, periodKey);
}

export function allRollups(db: Db, scheduleId: number, periodKey: string) {
  return rollups.allRollups(db, scheduleId, periodKey);
}

export function latestVersions(db: Db, reportIds: number[]) {
  return repo.latestVersions(db, reportIds);
}

export function findReport(db: Db, scheduleId: number, periodKey: string, unitId: number) {
  return repo.findReportFor(db, scheduleId, periodKey, unitId);
}

export function usersAt(db: Db, unitIds: number[], roles: string[]) {
  return repo.usersWithRoleAt(db, unitIds, roles);
}

/** The accepted figures of one report (its own values as they entered the rollups). */
export async function acceptedValuesOfReport(db: Db, reportId: number) {
  return db.selectFrom('report_values').select(['indicator', 'value', 'weight']).where('report_id', '=', reportId).execute();
}
