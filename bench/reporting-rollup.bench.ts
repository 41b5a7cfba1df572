/**
 * Reporting rollups at national size: 252,000 reporting units (the grassroots organizations and
 * cells of the national tree), 20 indicators, one period — 5.04 M accepted figures. Measured
 * through lamtheo's own code paths: accepting one report (its figures added to every ancestor's
 * rollup), reading a province's and the country's consolidated figures, and a full recompute;
 * each beside its floor, the bare SQL doing the same work on the same database. The on-the-fly
 * subtree aggregate is shown too: what reads would cost without precomputed rollups.
 */
import { sql } from 'kysely';
import { SYSTEM_CLI } from '../src/core/actor';
import type { FormDefinition } from '../src/core/report-form';
import { consolidationFor, rolledUpFigures } from '../src/modules/consolidation/consolidation.service';
import * as forms from '../src/modules/report-forms/report-forms.service';
import * as schedules from '../src/modules/report-schedules/report-schedules.service';
import * as review from '../src/modules/reports/reports.review';
import { recomputeRollups } from '../src/modules/reports/reports.rollups';
import * as queries from '../src/modules/reports/reports.queries';
import type { BenchConnection } from './lib/databases';
import { ms, p50p95, samples, seededRandom, timeOnce } from './lib/measure';
import { buildNationalTree, loadNationalTree, type NationalTree } from './lib/national-tree';
import type { Benchmark } from './run';

const PERIOD = '2021-H1';
const TREE_DATE = '2021-06-30';
const INDICATORS = Array.from({ length: 20 }, (_v, i) => `i${String(i + 1).padStart(2, '0')}`);
const ACCEPTS = Number(process.env.BENCH_ACCEPTS ?? 200);
const PROVINCE = 1;

const FORM: FormDefinition = {
  indicators: INDICATORS.map((code) => ({ code, name: `Chỉ tiêu ${code}`, type: 'integer', aggregation: 'sum', required: false })),
  sections: [{ code: 'results', title: 'Kết quả đạt được' }],
  rules: [],
};

const IN_FORCE_ON_TREE_DATE = `c.valid_from <= rv.tree_date and (c.valid_to is null or c.valid_to > rv.tree_date)`;
/** What the recompute does, as one bare statement. */
const RECOMPUTE_SQL = `insert into report_rollups (schedule_id, period_key, unit_id, indicator, n, total, wsum, wtotal, lowest, highest)
  select rv.schedule_id, rv.period_key, c.ancestor_id, rv.indicator, count(*), sum(rv.value),
         coalesce(sum(rv.value * rv.weight), 0), coalesce(sum(rv.weight), 0), min(rv.value), max(rv.value)
  from report_values rv
  join org_closure c on c.descendant_id = rv.unit_id and c.hierarchy = 'party' and ${IN_FORCE_ON_TREE_DATE}
  where rv.schedule_id = ? and rv.period_key = ?
  group by rv.schedule_id, rv.period_key, c.ancestor_id, rv.indicator`;
/** One report's figures added to every ancestor's rollup, as one bare statement. */
const ADD_SQL = `insert into report_rollups (schedule_id, period_key, unit_id, indicator, n, total, wsum, wtotal, lowest, highest)
  select rv.schedule_id, rv.period_key, c.ancestor_id, rv.indicator, 1, rv.value, coalesce(rv.value * rv.weight, 0), coalesce(rv.weight, 0), rv.value, rv.value
  from report_values rv
  join org_closure c on c.descendant_id = rv.unit_id and c.hierarchy = 'party' and ${IN_FORCE_ON_TREE_DATE}
  where rv.report_id = ?
  on conflict (schedule_id, period_key, unit_id, indicator) do update set
    n = report_rollups.n + excluded.n, total = report_rollups.total + excluded.total,
    wsum = report_rollups.wsum + excluded.wsum, wtotal = report_rollups.wtotal + excluded.wtotal,
    lowest = case when report_rollups.lowest is null or excluded.lowest < report_rollups.lowest then excluded.lowest else report_rollups.lowest end,
    highest = case when report_rollups.highest is null or excluded.highest > report_rollups.highest then excluded.highest else report_rollups.highest end`;
const READ_SQL = `select indicator, n, total, wsum, wtotal, lowest, highest from report_rollups where schedule_id = ? and period_key = ? and unit_id = ?`;
const ON_THE_FLY_SQL = `select rv.indicator, count(*) as n, sum(rv.value) as total
  from org_closure c join report_values rv on rv.unit_id = c.descendant_id and rv.schedule_id = ? and rv.period_key = ?
  where c.hierarchy = 'party' and c.ancestor_id = ? and c.valid_from <= ? and (c.valid_to is null or c.valid_to > ?)
  group by rv.indicator`;

/** Accepted reports with their figures, written in bulk (the benchmark times reads and accepts, not loading). */
async function loadReports(conn: BenchConnection, tree: NationalTree, scheduleId: number, formVersionId: number, reporting: number[], pending: Set<number>) {
  const now = new Date().toISOString();
  const random = seededRandom(5_040_000);
  const figure = () => Math.floor(random() * 100);
  const db = conn.handle.db;
  if (conn.handle.dialect === 'sqlite') {
    const raw = conn.handle.sqlite!;
    const report = raw.prepare(`insert into reports (id, schedule_id, period_key, unit_id, form_version_id, reviewer_unit_id, status, version, values_json, narrative_json, due_date,
      first_submitted_at, submitted_at, decided_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 3, ?, '{}', '2021-07-05', ?, ?, ?, ?, ?)`);
    const version = raw.prepare(`insert into report_versions (report_id, seq, form_version_id, values_json, sources_json, narrative_json, aggregate_json, warnings_json, submitted_at)
      values (?, 1, ?, ?, '{}', '{}', '{}', '[]', ?)`);
    const value = raw.prepare(`insert into report_values (report_id, indicator, schedule_id, period_key, unit_id, tree_date, value, weight) values (?, ?, ?, ?, ?, ?, ?, null)`);
    raw.transaction(() => {
      for (const [i, unit] of reporting.entries()) {
        const values = Object.fromEntries(INDICATORS.map((code) => [code, figure()]));
        const json = JSON.stringify(values);
        const accepted = !pending.has(unit);
        report.run(i + 1, scheduleId, PERIOD, unit, formVersionId, tree.parent[unit], accepted ? 'accepted' : 'submitted', json, now, now, accepted ? now : null, now, now);
        version.run(i + 1, formVersionId, json, now);
        if (accepted) for (const code of INDICATORS) value.run(i + 1, code, scheduleId, PERIOD, unit, TREE_DATE, values[code]);
      }
    })();
    return;
  }
  await db.transaction().execute(async (tx) => {
    const CHUNK = 20_000;
    for (let start = 0; start < reporting.length; start += CHUNK) {
      const units = reporting.slice(start, start + CHUNK);
      const ids = units.map((_u, i) => start + i + 1);
      const values = units.map(() => Object.fromEntries(INDICATORS.map((code) => [code, figure()])));
      const jsons = values.map((v) => JSON.stringify(v));
      const statuses = units.map((u) => (pending.has(u) ? 'submitted' : 'accepted'));
      const reviewers = units.map((u) => tree.parent[u]);
      await sql`insert into reports (id, schedule_id, period_key, unit_id, form_version_id, reviewer_unit_id, status, version, values_json, narrative_json, due_date,
          first_submitted_at, submitted_at, decided_at, created_at, updated_at)
        select r.id, ${scheduleId}, ${PERIOD}, r.unit, ${formVersionId}, r.reviewer, r.status, 3, r.json, '{}', '2021-07-05'::date, ${now}::timestamptz, ${now}::timestamptz,
          case when r.status = 'accepted' then ${now}::timestamptz end, ${now}::timestamptz, ${now}::timestamptz
        from unnest(${ids}::int[], ${units}::int[], ${reviewers}::int[], ${statuses}::text[], ${jsons}::text[]) as r(id, unit, reviewer, status, json)`.execute(tx);
      await sql`insert into report_versions (report_id, seq, form_version_id, values_json, sources_json, narrative_json, aggregate_json, warnings_json, submitted_at)
        select v.id, 1, ${formVersionId}, v.json, '{}', '{}', '{}', '[]', ${now}::timestamptz from unnest(${ids}::int[], ${jsons}::text[]) as v(id, json)`.execute(tx);
      const rid: number[] = [];
      const uid: number[] = [];
      const ind: string[] = [];
      const val: number[] = [];
      units.forEach((u, i) => {
        if (pending.has(u)) return;
        for (const code of INDICATORS) {
          rid.push(ids[i]); uid.push(u); ind.push(code); val.push(values[i][code] as number);
        }
      });
      await sql`insert into report_values (report_id, indicator, schedule_id, period_key, unit_id, tree_date, value, weight)
        select v.r, v.i, ${scheduleId}, ${PERIOD}, v.u, ${TREE_DATE}::date, v.val, null
        from unnest(${rid}::int[], ${ind}::text[], ${uid}::int[], ${val}::float8[]) as v(r, i, u, val)`.execute(tx);
    }
    await sql`select setval(pg_get_serial_sequence('reports', 'id'), ${reporting.length})`.execute(tx);
    await sql`select setval(pg_get_serial_sequence('report_versions', 'id'), ${reporting.length})`.execute(tx);
  });
}

export const benchmark: Benchmark = {
  name: 'reporting-rollup',
  description: '252,000 reporting units × 20 indicators, one period (5.04 M figures): accept, read, recompute',
  async run(database, report) {
    const conn = await database.open('reporting_rollup');
    const add = (work: string, figure: string, floor: string) => report.add({ benchmark: 'reporting-rollup', database: database.name, work, figure, floor });
    try {
      const tree = buildNationalTree();
      const loadTree = await timeOnce(() => loadNationalTree(conn.handle, tree));
      const db = conn.handle.db;
      const form = await db.transaction().execute((tx) => forms.createForm(tx, SYSTEM_CLI, { code: 'BENCH', name: 'Biểu kiểm thử', ownerUnitId: 1, definition: FORM }));
      const schedule = await db.transaction().execute((tx) => schedules.createSchedule(tx, SYSTEM_CLI, {
        name: 'Báo cáo 6 tháng', formId: form.id, unitId: 1, hierarchy: 'party', periodType: 'half', cutoff: 'calendar', dueOffsetDays: 5,
        firstPeriod: PERIOD, lastPeriod: PERIOD, scope: { kinds: ['dang_uy_co_so', 'chi_bo'], maxDepth: null, includeUnitIds: [], excludeUnitIds: [] }, reminderDays: [7], active: true,
      }));
      const reporting = [...tree.idsOf(3), ...tree.idsOf(4)];
      const random = seededRandom(7);
      const pending = new Set<number>();
      while (pending.size < ACCEPTS + 50) pending.add(reporting[Math.floor(random() * reporting.length)]);
      const loadReportsMs = await timeOnce(() => loadReports(conn, tree, schedule.id, form.versionId, reporting, pending));
      report.note(`reporting-rollup on ${database.name}: tree ${tree.count.toLocaleString('en')} units loaded in ${ms(loadTree)}; ${reporting.length.toLocaleString('en')} reports, ${((reporting.length - pending.size) * INDICATORS.length).toLocaleString('en')} accepted figures loaded in ${ms(loadReportsMs)}`);
      await sql`analyze`.execute(db);
      const row = await db.selectFrom('report_schedules').selectAll().where('id', '=', schedule.id).executeTakeFirstOrThrow();

      // Full recompute: the code path, then the bare statement; both must give the same rows.
      const recompute = await timeOnce(() => db.transaction().execute((tx) => recomputeRollups(tx, SYSTEM_CLI, { scheduleId: schedule.id, periodKey: PERIOD })));
      const rows = (await db.selectFrom('report_rollups').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      const checksum = async () => Number((await sql<{ s: number }>`select sum(total) as s from report_rollups where unit_id = 1`.execute(db)).rows[0].s);
      const before = await checksum();
      const floorRecompute = await timeOnce(async () => {
        await conn.bare.query('begin');
        await conn.bare.query('delete from report_rollups where schedule_id = ? and period_key = ?', [schedule.id, PERIOD]);
        await conn.bare.query(RECOMPUTE_SQL, [schedule.id, PERIOD]);
        await conn.bare.query('commit');
      });
      if ((await checksum()) !== before) throw new Error('the bare recompute disagrees with recomputeRollups');
      add(`full recompute (${Number(rows).toLocaleString('en')} rollup rows)`, ms(recompute), ms(floorRecompute));

      // Accept one submitted report: every ancestor's rollup gets its 20 figures (5 × 20 rows).
      const toAccept = [...pending].slice(0, ACCEPTS);
      const reportIds = (await db.selectFrom('reports').select(['id', 'unit_id']).where('status', '=', 'submitted').execute())
        .filter((r) => toAccept.includes(r.unit_id)).map((r) => r.id);
      const accepts = await samples(reportIds.length, (i) => db.transaction().execute((tx) => review.accept(tx, SYSTEM_CLI, reportIds[i], undefined)), 0);
      const spare = (await db.selectFrom('reports').select('id').where('status', '=', 'submitted').execute()).map((r) => r.id).slice(0, 50);
      for (const id of spare) {
        const unit = (await db.selectFrom('reports').select('unit_id').where('id', '=', id).executeTakeFirstOrThrow()).unit_id;
        await db.insertInto('report_values').values(INDICATORS.map((code) => ({ report_id: id, indicator: code, schedule_id: schedule.id, period_key: PERIOD, unit_id: unit, tree_date: TREE_DATE, value: 1, weight: null }))).execute();
      }
      const floorAccepts = await samples(spare.length, (i) => conn.bare.query(ADD_SQL, [spare[i]]), 0);
      add('accept one report (service: checks, snapshot, 5 ancestors × 20 rows, audit)', p50p95(accepts), `${p50p95(floorAccepts)} (the upsert alone)`);
      const after = await checksum();
      if (after <= before) throw new Error('accepting did not reach the country rollup');

      // Reading consolidated figures: one primary-key range read per unit, whatever its size.
      const def = FORM;
      for (const [label, unit] of [['a province', tree.levelStart[PROVINCE]], ['the country', 1]] as const) {
        const reads = await samples(200, () => rolledUpFigures(db, row, PERIOD, unit, def));
        const floor = await samples(200, () => conn.bare.query(READ_SQL, [schedule.id, PERIOD, unit]));
        add(`read ${label}'s consolidated figures (20 indicators)`, p50p95(reads), p50p95(floor));
        const fly = await timeOnce(() => conn.bare.query(ON_THE_FLY_SQL, [schedule.id, PERIOD, unit, TREE_DATE, TREE_DATE]));
        report.note(`reporting-rollup on ${database.name}: without rollups, aggregating ${label}'s subtree on the fly takes ${ms(fly)}`);
      }
      // The whole consolidation answer (figures by unit below, included and missing reports, flags)
      // for a commune and a province: it reads the reporting structure of the unit's subtree.
      for (const [label, unit] of [['a commune', tree.levelStart[2]], ['a province', tree.levelStart[PROVINCE]]] as const) {
        const once = await timeOnce(() => consolidationFor(db, row, PERIOD, unit, 'then', 'vi'));
        report.note(`reporting-rollup on ${database.name}: the consolidation endpoint's work for ${label} (figures, rows by unit below, included/missing lists, flags) takes ${ms(once)}`);
      }
      const sanity = await queries.rollupsOf(db, schedule.id, PERIOD, [1]);
      if ((sanity.get(1)?.get('i01')?.n ?? 0) !== reporting.length - pending.size + ACCEPTS + spare.length) {
        report.note(`reporting-rollup on ${database.name}: country count ${sanity.get(1)?.get('i01')?.n} (expected ${reporting.length - pending.size + ACCEPTS + spare.length})`);
      }
    } finally {
      await conn.close();
    }
  },
};
