/**
 * Accepted figures and their precomputed rollups. Accepting a report adds its figures to the
 * rollup row of every ancestor (closure table as of the period's end): a few rows per
 * indicator, one statement, whatever the size of the country. A full recompute rebuilds the
 * same rows from the figures with one aggregate, and must give the same numbers.
 */
import { sql, type Kysely } from 'kysely';
import { chunkRows } from '../../db/dialect';
import type { Database } from '../../db/schema';
import type { ReportValuesTable } from '../../db/tables/reporting';
import type { Accumulator } from '../../core/rollup';

type Db = Kysely<Database>;

export async function insertValues(db: Db, rows: ReportValuesTable[]): Promise<void> {
  for (const chunk of chunkRows(db, rows)) await db.insertInto('report_values').values(chunk).execute();
}

export async function deleteValues(db: Db, reportId: number): Promise<void> {
  await db.deleteFrom('report_values').where('report_id', '=', reportId).execute();
}

/** Add one report's accepted figures to the rollups of the unit and all its ancestors. */
export async function addToAncestors(db: Db, reportId: number, hierarchy: string): Promise<void> {
  await sql`
    insert into report_rollups (schedule_id, period_key, unit_id, indicator, n, total, wsum, wtotal, lowest, highest)
    select rv.schedule_id, rv.period_key, c.ancestor_id, rv.indicator, 1, rv.value,
           coalesce(rv.value * rv.weight, 0), coalesce(rv.weight, 0), rv.value, rv.value
    from report_values rv
    join org_closure c on c.descendant_id = rv.unit_id and c.hierarchy = ${hierarchy}
      and c.valid_from <= rv.tree_date and (c.valid_to is null or c.valid_to > rv.tree_date)
    where rv.report_id = ${reportId}
    on conflict (schedule_id, period_key, unit_id, indicator) do update set
      n = report_rollups.n + excluded.n,
      total = report_rollups.total + excluded.total,
      wsum = report_rollups.wsum + excluded.wsum,
      wtotal = report_rollups.wtotal + excluded.wtotal,
      lowest = case when report_rollups.lowest is null or excluded.lowest < report_rollups.lowest then excluded.lowest else report_rollups.lowest end,
      highest = case when report_rollups.highest is null or excluded.highest > report_rollups.highest then excluded.highest else report_rollups.highest end
  `.execute(db);
}

/** Rebuild every rollup of one schedule and period from the accepted figures. */
export async function recompute(db: Db, scheduleId: number, periodKey: string, hierarchy: string): Promise<void> {
  await db.deleteFrom('report_rollups').where('schedule_id', '=', scheduleId).where('period_key', '=', periodKey).execute();
  await sql`
    insert into report_rollups (schedule_id, period_key, unit_id, indicator, n, total, wsum, wtotal, lowest, highest)
    select rv.schedule_id, rv.period_key, c.ancestor_id, rv.indicator, count(*), sum(rv.value),
           coalesce(sum(rv.value * rv.weight), 0), coalesce(sum(rv.weight), 0), min(rv.value), max(rv.value)
    from report_values rv
    join org_closure c on c.descendant_id = rv.unit_id and c.hierarchy = ${hierarchy}
      and c.valid_from <= rv.tree_date and (c.valid_to is null or c.valid_to > rv.tree_date)
    where rv.schedule_id = ${scheduleId} and rv.period_key = ${periodKey}
    group by rv.schedule_id, rv.period_key, c.ancestor_id, rv.indicator
  `.execute(db);
}

/** Schedules and periods that have accepted figures or rollups (what a full recompute covers). */
export async function periodsWithData(db: Db, scheduleId?: number) {
  let values = db.selectFrom('report_values').select(['schedule_id', 'period_key']).distinct();
  let rollups = db.selectFrom('report_rollups').select(['schedule_id', 'period_key']).distinct();
  if (scheduleId !== undefined) {
    values = values.where('schedule_id', '=', scheduleId);
    rollups = rollups.where('schedule_id', '=', scheduleId);
  }
  const seen = new Map<string, { scheduleId: number; periodKey: string }>();
  for (const r of [...(await values.execute()), ...(await rollups.execute())]) {
    seen.set(`${r.schedule_id}|${r.period_key}`, { scheduleId: r.schedule_id, periodKey: r.period_key });
  }
  return [...seen.values()];
}

type RollupRow = Database['report_rollups'];

function toAccumulator(r: RollupRow): Accumulator {
  return { n: r.n, sum: r.total, wsum: r.wsum, wtotal: r.wtotal, min: r.lowest, max: r.highest };
}

/** Precomputed rollups of some units: unit → indicator → accumulator. */
export async function readRollups(db: Db, scheduleId: number, periodKey: string, unitIds: number[]): Promise<Map<number, Map<string, Accumulator>>> {
  const out = new Map<number, Map<string, Accumulator>>();
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = await db.selectFrom('report_rollups').selectAll()
      .where('schedule_id', '=', scheduleId).where('period_key', '=', periodKey).where('unit_id', 'in', unitIds.slice(i, i + 5000))
      .execute();
    for (const r of rows) {
      if (!out.has(r.unit_id)) out.set(r.unit_id, new Map());
      out.get(r.unit_id)!.set(r.indicator, toAccumulator(r));
    }
  }
  return out;
}

/** Every rollup row of a schedule and period (for comparing a recompute with the incremental state). */
export async function allRollups(db: Db, scheduleId: number, periodKey: string) {
  return db.selectFrom('report_rollups').selectAll()
    .where('schedule_id', '=', scheduleId).where('period_key', '=', periodKey)
    .orderBy('unit_id').orderBy('indicator').execute();
}

/** Accepted figures of a schedule and period: unit → indicator → {value, weight}. */
export async function valuesOfPeriod(db: Db, scheduleId: number, periodKey: string) {
  return db.selectFrom('report_values').select(['report_id', 'unit_id', 'indicator', 'value', 'weight', 'tree_date'])
    .where('schedule_id', '=', scheduleId).where('period_key', '=', periodKey).execute();
}

