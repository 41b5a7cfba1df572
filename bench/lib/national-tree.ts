/**
 * A synthetic national party tree: 1 root, 34 provinces, 3,321 communes, 52,000 grassroots
 * organizations and 200,000 cells (255,356 units, closure ≈ 1.22 M rows), the size measured in
 * DESIGN.md. Children are spread over their parents by a seeded random draw, so sizes vary as in
 * life and every run builds the same tree. The loader writes org_units, org_unit_versions,
 * org_links and org_closure directly in bulk, with the closure computed in memory — the
 * benchmarks time the application's queries, not its one-unit-at-a-time create path.
 */
import { sql } from 'kysely';
import type { DbHandle } from '../../src/db/connection';
import { analyze } from '../../src/db/dialect';
import { fold } from '../../src/core/text';
import { seededRandom } from './measure';

export const TREE_FROM = '2020-01-01';

export interface LevelSpec { size: number; kind: string; code: string; name: string }

export const NATIONAL_LEVELS: LevelSpec[] = [
  { size: 1, kind: 'trung_uong', code: 'QG', name: 'Đảng bộ toàn quốc' },
  { size: 34, kind: 'thanh_uy', code: 'T', name: 'Tỉnh ủy' },
  { size: 3_321, kind: 'dang_uy_xa_phuong', code: 'X', name: 'Đảng ủy xã' },
  { size: 52_000, kind: 'dang_uy_co_so', code: 'CS', name: 'Đảng bộ cơ sở' },
  { size: 200_000, kind: 'chi_bo', code: 'CB', name: 'Chi bộ' },
];

/** The tree in memory: unit ids are 1..count; index i describes unit i (index 0 unused). */
export interface NationalTree {
  count: number;
  parent: Int32Array;
  level: Uint8Array;
  /** First unit id of each level. */
  levelStart: number[];
  levels: LevelSpec[];
  closureRows: number;
  /** Ids of a level's units. */
  idsOf(level: number): number[];
}

export function buildNationalTree(levels: LevelSpec[] = NATIONAL_LEVELS, seed = 20_250_701): NationalTree {
  const random = seededRandom(seed);
  const count = levels.reduce((n, l) => n + l.size, 0);
  const parent = new Int32Array(count + 1);
  const level = new Uint8Array(count + 1);
  const levelStart: number[] = [];
  let next = 1;
  let closureRows = 0;
  levels.forEach((spec, depth) => {
    levelStart.push(next);
    for (let i = 0; i < spec.size; i++, next++) {
      level[next] = depth;
      parent[next] = depth === 0 ? 0 : levelStart[depth - 1] + Math.floor(random() * levels[depth - 1].size);
      closureRows += depth + 1;
    }
  });
  return {
    count, parent, level, levelStart, levels, closureRows,
    idsOf: (depth) => Array.from({ length: levels[depth].size }, (_v, i) => levelStart[depth] + i),
  };
}

function unitCode(tree: NationalTree, id: number): string {
  const spec = tree.levels[tree.level[id]];
  return spec.size === 1 ? spec.code : `${spec.code}-${id - tree.levelStart[tree.level[id]] + 1}`;
}

function unitName(tree: NationalTree, id: number): string {
  const spec = tree.levels[tree.level[id]];
  return spec.size === 1 ? spec.name : `${spec.name} số ${id - tree.levelStart[tree.level[id]] + 1}`;
}

/** Every (ancestor, descendant, depth) of the tree, self rows included, walking up from each unit. */
function* closure(tree: NationalTree): Generator<[number, number, number]> {
  for (let id = 1; id <= tree.count; id++) {
    let ancestor = id;
    let depth = 0;
    while (ancestor !== 0) {
      yield [ancestor, id, depth];
      ancestor = tree.parent[ancestor];
      depth += 1;
    }
  }
}

async function loadSqlite(handle: DbHandle, tree: NationalTree) {
  const raw = handle.sqlite!;
  const now = new Date().toISOString();
  const insertUnit = raw.prepare('insert into org_units (id, code, valid_from, valid_to, created_at) values (?, ?, ?, null, ?)');
  const insertVersion = raw.prepare('insert into org_unit_versions (unit_id, name, short_name, kind, name_search, valid_from, valid_to) values (?, ?, null, ?, ?, ?, null)');
  const insertLink = raw.prepare("insert into org_links (hierarchy, unit_id, parent_id, valid_from, valid_to) values ('party', ?, ?, ?, null)");
  const insertClosure = raw.prepare("insert into org_closure (hierarchy, ancestor_id, descendant_id, depth, valid_from, valid_to) values ('party', ?, ?, ?, ?, null)");
  raw.transaction(() => {
    for (let id = 1; id <= tree.count; id++) {
      const name = unitName(tree, id);
      const code = unitCode(tree, id);
      insertUnit.run(id, code, TREE_FROM, now);
      insertVersion.run(id, name, tree.levels[tree.level[id]].kind, fold(`${name}  ${code}`), TREE_FROM);
      insertLink.run(id, tree.parent[id] || null, TREE_FROM);
    }
    for (const [a, d, depth] of closure(tree)) insertClosure.run(a, d, depth, TREE_FROM);
  })();
}

async function loadPostgres(handle: DbHandle, tree: NationalTree) {
  const db = handle.db;
  const now = new Date().toISOString();
  const CHUNK = 50_000;
  await db.transaction().execute(async (tx) => {
    for (let start = 1; start <= tree.count; start += CHUNK) {
      const ids: number[] = [];
      for (let id = start; id < Math.min(start + CHUNK, tree.count + 1); id++) ids.push(id);
      const codes = ids.map((id) => unitCode(tree, id));
      const names = ids.map((id) => unitName(tree, id));
      const kinds = ids.map((id) => tree.levels[tree.level[id]].kind);
      const searches = ids.map((id, i) => fold(`${names[i]}  ${codes[i]}`));
      const parents = ids.map((id) => tree.parent[id] || null);
      await sql`insert into org_units (id, code, valid_from, created_at)
        select u.id, u.code, ${TREE_FROM}::date, ${now}::timestamptz from unnest(${ids}::int[], ${codes}::text[]) as u(id, code)`.execute(tx);
      await sql`insert into org_unit_versions (unit_id, name, kind, name_search, valid_from)
        select v.id, v.name, v.kind, v.search, ${TREE_FROM}::date from unnest(${ids}::int[], ${names}::text[], ${kinds}::text[], ${searches}::text[]) as v(id, name, kind, search)`.execute(tx);
      await sql`insert into org_links (hierarchy, unit_id, parent_id, valid_from)
        select 'party', l.id, l.parent, ${TREE_FROM}::date from unnest(${ids}::int[], ${parents}::int[]) as l(id, parent)`.execute(tx);
    }
    let a: number[] = [];
    let d: number[] = [];
    let depths: number[] = [];
    const flush = async () => {
      await sql`insert into org_closure (hierarchy, ancestor_id, descendant_id, depth, valid_from)
        select 'party', c.a, c.d, c.depth, ${TREE_FROM}::date from unnest(${a}::int[], ${d}::int[], ${depths}::int[]) as c(a, d, depth)`.execute(tx);
      a = []; d = []; depths = [];
    };
    for (const [ancestor, descendant, depth] of closure(tree)) {
      a.push(ancestor); d.push(descendant); depths.push(depth);
      if (a.length >= 200_000) await flush();
    }
    if (a.length) await flush();
    await sql`select setval(pg_get_serial_sequence('org_units', 'id'), ${tree.count})`.execute(tx);
  });
}

/** Write the tree into an empty, migrated database and refresh planner statistics. */
export async function loadNationalTree(handle: DbHandle, tree: NationalTree): Promise<void> {
  if (handle.dialect === 'sqlite') await loadSqlite(handle, tree);
  else await loadPostgres(handle, tree);
  await analyze(handle.db);
}
