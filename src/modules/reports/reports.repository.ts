/** SQL for reports, their submitted versions, events and highlights. */
import type { Kysely } from 'kysely';
import { forUpdate } from '../../db/dialect';
import type { Database } from '../../db/schema';
import type { ReportsTable, ReportVersionsTable } from '../../db/tables/reporting';

type Db = Kysely<Database>;
export type ReportRow = Omit<ReportsTable, 'id'> & { id: number };
export type VersionRow = Omit<ReportVersionsTable, 'id'> & { id: number };

export async function insertReport(db: Db, row: Omit<ReportRow, 'id'>): Promise<number> {
  const inserted = await db.insertInto('reports').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findReport(db: Db, id: number, lock = false): Promise<ReportRow | undefined> {
  const query = db.selectFrom('reports').selectAll().where('id', '=', id);
  return (lock ? forUpdate(db, query) : query).executeTakeFirst();
}

export async function findReportFor(db: Db, scheduleId: number, periodKey: string, unitId: number): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll()
    .where('schedule_id', '=', scheduleId).where('period_key', '=', periodKey).where('unit_id', '=', unitId).executeTakeFirst();
}

/**
 * Compare-and-set on the version number: the update happens only when nobody changed the report
 * since `expectedVersion`. Returns false when someone did (the caller answers 409).
 */
export async function updateReportIfVersion(db: Db, id: number, expectedVersion: number, set: Partial<Omit<ReportRow, 'id'>>): Promise<boolean> {
  const result = await db.updateTable('reports').set({ ...set, version: expectedVersion + 1 })
    .where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listReports(db: Db, q: {
  scheduleId?: number; periodKey?: string; unitIds?: number[]; reviewerUnitIds?: number[]; statuses?: string[]; limit: number;
}): Promise<ReportRow[]> {
  // Long lists of units are read in slices: each statement stays under the drivers' parameter limits.
  if (q.unitIds && q.unitIds.length > 5000) {
    const out: ReportRow[] = [];
    for (let i = 0; i < q.unitIds.length && out.length < q.limit; i += 5000) {
      out.push(...(await listReports(db, { ...q, unitIds: q.unitIds.slice(i, i + 5000), limit: q.limit - out.length })));
    }
    return out;
  }
  let query = db.selectFrom('reports').selectAll().orderBy('id').limit(q.limit);
  if (q.scheduleId !== undefined) query = query.where('schedule_id', '=', q.scheduleId);
  if (q.periodKey !== undefined) query = query.where('period_key', '=', q.periodKey);
  if (q.unitIds) {
    if (q.unitIds.length === 0) return [];
    query = query.where('unit_id', 'in', q.unitIds);
  }
  if (q.reviewerUnitIds) {
    if (q.reviewerUnitIds.length === 0) return [];
    query = query.where('reviewer_unit_id', 'in', q.reviewerUnitIds);
  }
  if (q.statuses) query = query.where('status', 'in', q.statuses);
  return query.execute();
}

export async function insertVersion(db: Db, row: Omit<VersionRow, 'id'>): Promise<number> {
  const inserted = await db.insertInto('report_versions').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function listVersions(db: Db, reportId: number) {
  return db.selectFrom('report_versions').select(['seq', 'submitted_at', 'submitted_by_name', 'form_version_id'])
    .where('report_id', '=', reportId).orderBy('seq').execute();
}

export async function findVersion(db: Db, reportId: number, seq: number): Promise<VersionRow | undefined> {
  return db.selectFrom('report_versions').selectAll().where('report_id', '=', reportId).where('seq', '=', seq).executeTakeFirst();
}

export async function latestVersion(db: Db, reportId: number): Promise<VersionRow | undefined> {
  return db.selectFrom('report_versions').selectAll().where('report_id', '=', reportId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** The latest submitted version of each of the given reports. */
export async function latestVersions(db: Db, reportIds: number[]): Promise<Map<number, VersionRow>> {
  const out = new Map<number, VersionRow>();
  for (let i = 0; i < reportIds.length; i += 2000) {
    const ids = reportIds.slice(i, i + 2000);
    const rows = await db.selectFrom('report_versions as v').selectAll('v')
      .where('v.report_id', 'in', ids)
      .where('v.seq', '=', (eb) => eb.selectFrom('report_versions as w').select((e) => e.fn.max('w.seq').as('m')).whereRef('w.report_id', '=', 'v.report_id'))
      .execute();
    for (const r of rows) out.set(r.report_id, r);
  }
  return out;
}

export async function insertEvent(db: Db, row: {
  reportId: number; action: string; versionSeq: number | null; comment: string | null; actorUserId: number | null; actorName: string | null; at: string;
}): Promise<void> {
  await db.insertInto('report_events').values({
    report_id: row.reportId, action: row.action, version_seq: row.versionSeq, comment: row.comment,
    actor_user_id: row.actorUserId, actor_name: row.actorName, at: row.at,
  }).execute();
}

export async function listEvents(db: Db, reportId: number) {
  return db.selectFrom('report_events').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
}

export async function insertHighlight(db: Db, row: {
  reportId: number; sectionCode: string; paragraph: number; note: string | null; markedBy: number | null; markedByUnitId: number | null; now: string;
}): Promise<number> {
  const inserted = await db.insertInto('report_highlights').values({
    report_id: row.reportId, section_code: row.sectionCode, paragraph: row.paragraph, note: row.note,
    marked_by: row.markedBy, marked_by_unit_id: row.markedByUnitId, created_at: row.now,
  }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findHighlight(db: Db, id: number) {
  return db.selectFrom('report_highlights').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteHighlight(db: Db, id: number): Promise<void> {
  await db.deleteFrom('report_highlights').where('id', '=', id).execute();
}

export async function highlightsOf(db: Db, reportIds: number[]) {
  const out = [];
  for (let i = 0; i < reportIds.length; i += 5000) {
    out.push(...(await db.selectFrom('report_highlights').selectAll().where('report_id', 'in', reportIds.slice(i, i + 5000)).orderBy('id').execute()));
  }
  return out;
}

export async function highlightExists(db: Db, reportId: number, sectionCode: string, paragraph: number): Promise<boolean> {
  return (await db.selectFrom('report_highlights').select('id').where('report_id', '=', reportId)
    .where('section_code', '=', sectionCode).where('paragraph', '=', paragraph).executeTakeFirst()) !== undefined;
}

/** Users holding one of the roles at a unit (self grants), active, with their e-mail. */
export async function usersWithRoleAt(db: Db, unitIds: number[], roles: string[]) {
  if (unitIds.length === 0) return [];
  return db.selectFrom('grants as g').innerJoin('users as u', 'u.id', 'g.user_id')
    .where('g.unit_id', 'in', unitIds).where('g.role', 'in', roles).where('u.is_active', '=', 1)
    .select(['u.id', 'u.email', 'u.display_name', 'u.locale']).distinct().execute();
}

/** Each unit's latest name (a dissolved unit keeps the last name it had). */
export async function unitNamesLatest(db: Db, unitIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = await db.selectFrom('org_unit_versions').select(['unit_id', 'name'])
      .where('unit_id', 'in', unitIds.slice(i, i + 5000)).orderBy('valid_from').execute();
    for (const r of rows) out.set(r.unit_id, r.name);
  }
  return out;
}

/** A unit's last day of existence (null while it exists). */
export async function unitEnd(db: Db, unitId: number): Promise<string | null> {
  const row = await db.selectFrom('org_units').select('valid_to').where('id', '=', unitId).executeTakeFirst();
  return row?.valid_to ?? null;
}

export async function kindNames(db: Db): Promise<Map<string, { vi: string; en: string }>> {
  const rows = await db.selectFrom('org_kinds').select(['code', 'name_vi', 'name_en']).execute();
  return new Map(rows.map((r) => [r.code, { vi: r.name_vi, en: r.name_en }]));
}

/** Kind of each unit on a day (for units not in a reporting structure, e.g. the schedule's own unit). */
export async function unitKindsOn(db: Db, unitIds: number[], day: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = await db.selectFrom('org_unit_versions').select(['unit_id', 'kind']).where('unit_id', 'in', unitIds.slice(i, i + 5000))
      .where('valid_from', '<=', day).orderBy('valid_from').execute();
    for (const r of rows) out.set(r.unit_id, r.kind);
  }
  return out;
}

/** Units' names as they were on a day (falling back to the earliest name for units created later). */
export async function unitNamesOn(db: Db, unitIds: number[], day: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = await db.selectFrom('org_unit_versions').select(['unit_id', 'name', 'valid_from'])
      .where('unit_id', 'in', unitIds.slice(i, i + 5000)).orderBy('valid_from').execute();
    for (const r of rows) if (r.valid_from <= day || !out.has(r.unit_id)) out.set(r.unit_id, r.name);
  }
  return out;
}

/** Submitted or accepted reports of a period received by some units (the peers of flagged reports). */
export async function decidedOrSubmittedFor(db: Db, q: { scheduleId: number; periodKey: string; reviewerUnitIds: Array<number | null> }): Promise<ReportRow[]> {
  const reviewers = q.reviewerUnitIds.filter((r): r is number => r !== null);
  if (reviewers.length === 0) return [];
  return db.selectFrom('reports').selectAll()
    .where('schedule_id', '=', q.scheduleId).where('period_key', '=', q.periodKey).where('status', 'in', ['submitted', 'accepted'])
    .where('reviewer_unit_id', 'in', [...new Set(reviewers)]).execute();
}
