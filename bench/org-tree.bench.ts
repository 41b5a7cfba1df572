/**
 * The organization tree at national size: permission checks (ancestor lookups), listing a
 * commune's, a province's and the country's subtree, counting the country's units, and moving a
 * commune with its subtree to another province — each through lamtheo's own code path, beside
 * the bare SQL doing the same work and, where it makes sense, an in-memory pass.
 */
import { SYSTEM_CLI } from '../src/core/actor';
import { todayVn } from '../src/core/dates';
import * as access from '../src/modules/access/access.service';
import * as orgsRepo from '../src/modules/orgs/orgs.repository';
import * as orgs from '../src/modules/orgs/orgs.service';
import type { BareSql } from './lib/databases';
import { ms, p50p95, percentile, samples, seededRandom, timeOnce } from './lib/measure';
import { buildNationalTree, loadNationalTree, type NationalTree } from './lib/national-tree';
import type { Benchmark } from './run';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 2000);
const PROVINCE = 1;
const COMMUNE = 2;
const CELL = 4;

const IN_FORCE = (alias: string) => `${alias}.valid_from <= ? and (${alias}.valid_to is null or ${alias}.valid_to > ?)`;

/** The statement listTree runs for a subtree, written out by hand. */
const SUBTREE_SQL = `select u.id, u.code, v.name, v.short_name, v.kind, l.parent_id, u.valid_from, u.valid_to, c.depth
  from org_closure c
  join org_units u on u.id = c.descendant_id
  join org_links l on l.unit_id = u.id and l.hierarchy = 'party' and ${IN_FORCE('l')}
  join org_unit_versions v on v.unit_id = u.id and ${IN_FORCE('v')}
  where c.hierarchy = 'party' and c.ancestor_id = ? and ${IN_FORCE('c')}
  order by c.depth, u.id`;

const ANCESTOR_SQL = `select depth from org_closure c
  where c.hierarchy = 'party' and c.descendant_id = ? and c.ancestor_id = ? and ${IN_FORCE('c')}`;

const COUNT_SQL = `select count(*) as n from org_closure c where c.hierarchy = 'party' and c.ancestor_id = ? and ${IN_FORCE('c')}`;

/** What moveUnit does to links and closure, as bare statements. */
const MOVE_SQL = [
  `update org_links set valid_to = ? where hierarchy = 'party' and unit_id = ? and valid_to is null`,
  `insert into org_links (hierarchy, unit_id, parent_id, valid_from, valid_to) values ('party', ?, ?, ?, null)`,
  `update org_closure set valid_to = ? where hierarchy = 'party' and valid_to is null
     and +ancestor_id in (select ancestor_id from org_closure where hierarchy = 'party' and descendant_id = ? and depth > 0 and valid_to is null)
     and descendant_id in (select descendant_id from org_closure where hierarchy = 'party' and ancestor_id = ? and valid_to is null)`,
  `insert into org_closure (hierarchy, ancestor_id, descendant_id, depth, valid_from, valid_to)
     select 'party', a.ancestor_id, d.descendant_id, a.depth + d.depth + 1, ?, null
     from org_closure a join org_closure d on d.hierarchy = 'party' and d.ancestor_id = ? and d.valid_to is null
     where a.hierarchy = 'party' and a.descendant_id = ? and a.valid_to is null`,
];

function ancestorsInMemory(tree: NationalTree, id: number): number[] {
  const out: number[] = [];
  for (let a = tree.parent[id]; a !== 0; a = tree.parent[a]) out.push(a);
  return out;
}

/** Children lists as flat arrays (CSR), for in-memory subtree walks. */
function childIndex(tree: NationalTree) {
  const start = new Int32Array(tree.count + 2);
  for (let id = 1; id <= tree.count; id++) start[tree.parent[id] + 1] += 1;
  for (let i = 1; i < start.length; i++) start[i] += start[i - 1];
  const children = new Int32Array(tree.count);
  const fill = start.slice();
  for (let id = 1; id <= tree.count; id++) children[fill[tree.parent[id]]++] = id;
  return (root: number): number[] => {
    const out = [root];
    for (let i = 0; i < out.length; i++) for (let k = start[out[i]]; k < start[out[i] + 1]; k++) out.push(children[k]);
    return out;
  };
}

/** In-memory figures are averaged over many repetitions: one pass is below the timer's resolution. */
function perRun(runs: number, work: () => unknown): number {
  const start = performance.now();
  for (let i = 0; i < runs; i++) work();
  return (performance.now() - start) / runs;
}

async function bareMove(bare: BareSql, unitId: number, parentId: number, date: string) {
  await bare.query('begin');
  await bare.query(MOVE_SQL[0], [date, unitId]);
  await bare.query(MOVE_SQL[1], [unitId, parentId, date]);
  await bare.query(MOVE_SQL[2], [date, unitId, unitId]);
  await bare.query(MOVE_SQL[3], [date, unitId, parentId]);
  await bare.query('commit');
}

export const benchmark: Benchmark = {
  name: 'org-tree',
  description: 'national tree (1 + 34 + 3,321 + 52,000 + 200,000 units): ancestor checks, subtree lists, counting, moving a commune',
  async run(database, report) {
    const tree = buildNationalTree();
    const subtreeOf = childIndex(tree);
    const conn = await database.open('org-tree');
    const { handle, bare } = conn;
    const db = handle.db;
    const asOf = todayVn();
    const add = (work: string, figure: string, floor: string, inMemory?: string) =>
      report.add({ benchmark: 'org-tree', database: database.name, work, figure, floor, inMemory });
    try {
      const loadMs = await timeOnce(() => loadNationalTree(handle, tree));
      const [{ n: closureRows }] = await bare.query<{ n: number }>('select count(*) as n from org_closure');
      report.note(`${database.name}: loaded ${tree.count.toLocaleString('en')} units and ${Number(closureRows).toLocaleString('en')} closure rows in ${ms(loadMs)} (bulk loader)`);
      if (Number(closureRows) !== tree.closureRows) throw new Error(`closure has ${closureRows} rows, expected ${tree.closureRows}`);

      const random = seededRandom(7);
      const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
      const cells = tree.idsOf(CELL);
      const communes = tree.idsOf(COMMUNE);
      const provinces = tree.idsOf(PROVINCE);
      const related = Array.from({ length: PAIRS }, () => {
        const cell = pick(cells);
        return { grant: pick(ancestorsInMemory(tree, cell).slice(1, 3)), target: cell };
      });
      const unrelated = Array.from({ length: PAIRS }, () => ({ grant: pick(communes), target: pick(cells) }));

      // Ancestor checks: the permission code path, the repository lookup, the bare statement.
      for (const [label, pairs] of [['grant above the target', related], ['random pairs, mostly unrelated', unrelated]] as const) {
        const relation = await samples(pairs.length, (i) => access.relationOf(db, { unitId: pairs[i].grant, hierarchy: 'party' }, pairs[i].target));
        const floor = await samples(pairs.length, (i) => bare.query(ANCESTOR_SQL, [pairs[i].target, pairs[i].grant, asOf, asOf]));
        const memory = perRun(1_000_000, () => {
          const p = pairs[Math.floor(random() * pairs.length)];
          for (let a = tree.parent[p.target]; a !== 0; a = tree.parent[a]) if (a === p.grant) return true;
          return false;
        });
        add(`access.relationOf, ${label} (${pairs.length})`, p50p95(relation), p50p95(floor), ms(memory));
      }
      const depth = await samples(related.length, (i) => orgsRepo.closureDepth(db, 'party', related[i].grant, related[i].target, asOf));
      const depthFloor = await samples(related.length, (i) => bare.query(ANCESTOR_SQL, [related[i].target, related[i].grant, asOf, asOf]));
      add(`orgs.repository.closureDepth (closure lookup, ${related.length})`, p50p95(depth), p50p95(depthFloor));

      // Subtree listings through orgs.repository.listTree with a root.
      for (const [label, roots, runs] of [['a commune', communes, 50], ['a province', provinces, 10], ['the country', [1], 3]] as const) {
        const chosen = Array.from({ length: runs }, () => pick(roots as number[]));
        const expected = chosen.map((root) => subtreeOf(root).length);
        const check = (i: number, got: number) => {
          if (got !== expected[i]) throw new Error(`subtree of ${chosen[i]}: ${got} rows, expected ${expected[i]}`);
        };
        const code = await samples(runs, async (i) => check(i, (await orgsRepo.listTree(db, { hierarchy: 'party', asOf, rootId: chosen[i] })).length), 1);
        const floor = await samples(runs, async (i) => check(i, (await bare.query(SUBTREE_SQL, [asOf, asOf, asOf, asOf, chosen[i], asOf, asOf])).length), 1);
        const rows = expected.reduce((a, b) => a + b, 0);
        const memory = perRun(Math.max(3, Math.round(2000 / runs)), () => subtreeOf(pick(chosen as unknown as number[])));
        add(`listTree of ${label} (${Math.round(rows / runs).toLocaleString('en')} units on average, ${runs} runs)`, p50p95(code), p50p95(floor), ms(memory));
      }

      // Counting the country's units under the root.
      let counted = 0;
      const count = await samples(5, async () => { counted = (await orgsRepo.subtreeIds(db, 'party', 1, asOf)).length; }, 1);
      const countFloor = await samples(5, async () => bare.query(COUNT_SQL, [1, asOf, asOf]), 1);
      const [{ n: bareCount }] = await bare.query<{ n: number }>(COUNT_SQL, [1, asOf, asOf]);
      if (counted !== tree.count || Number(bareCount) !== tree.count) throw new Error(`counted ${counted} / ${bareCount}, expected ${tree.count}`);
      add(`count the country's ${tree.count.toLocaleString('en')} units (orgs.repository.subtreeIds)`, `p50 ${ms(percentile(count, 50))}`,
        `p50 ${ms(percentile(countFloor, 50))} (count(*))`, ms(perRun(20, () => subtreeOf(1).length)));

      // Moving a commune with its subtree to another province, five times each way.
      const movers = [...new Set(Array.from({ length: 40 }, () => pick(communes)))].slice(0, 10);
      const moveTarget = (commune: number) => provinces.find((p) => p !== tree.parent[commune] && random() < 0.2) ?? provinces.find((p) => p !== tree.parent[commune])!;
      const sizes: number[] = [];
      const moves = await samples(5, async (i) => {
        sizes.push(subtreeOf(movers[i]).length);
        await db.transaction().execute((tx) => orgs.moveUnit(tx, SYSTEM_CLI, movers[i], { hierarchy: 'party', parentId: moveTarget(movers[i]), effectiveDate: asOf }));
      }, 0);
      const bareMoves = await samples(5, (i) => bareMove(bare, movers[5 + i], moveTarget(movers[5 + i]), asOf), 0);
      const moved = await orgsRepo.closureDepth(db, 'party', tree.parent[movers[0]], movers[0], asOf);
      if (moved !== null) throw new Error('the moved commune is still under its old province');
      add(`orgs.service.moveUnit of a commune (~${Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length)} units), 5 moves`,
        `p50 ${ms(percentile(moves, 50))} / max ${ms(Math.max(...moves))}`, `p50 ${ms(percentile(bareMoves, 50))} / max ${ms(Math.max(...bareMoves))}`);
    } finally {
      await conn.close();
    }
  },
};
