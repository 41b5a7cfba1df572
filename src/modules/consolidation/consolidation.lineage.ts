/** Builds the lineage world of core/lineage-map from the database, for a batch of past units. */
import type { Kysely } from 'kysely';
import { addDays } from '../../core/dates';
import { mapToToday, type LineageEdge, type LineageWorld, type Mapping } from '../../core/lineage-map';
import type { Database } from '../../db/schema';
import * as repo from './consolidation.repository';

type Db = Kysely<Database>;

/** Map past units to the units of `today` that carry their figures. */
export async function mapUnitsToToday(db: Db, hierarchy: string, unitIds: number[], since: string, today: string): Promise<Map<number, Mapping>> {
  const edges = (await repo.lineageSince(db, since)) as LineageEdge[];
  const edgesFrom = new Map<number, LineageEdge[]>();
  for (const e of edges) edgesFrom.set(e.from, [...(edgesFrom.get(e.from) ?? []), e]);
  const involved = new Set<number>(unitIds);
  for (const e of edges) {
    involved.add(e.from);
    if (e.to !== null) involved.add(e.to);
  }
  const lifetimes = await repo.unitEnds(db, [...involved]);
  const parents = new Map<number, number | null>();
  const exists = (u: number) => {
    const life = lifetimes.get(u);
    return life !== undefined && life.from <= today && (life.to === null || life.to > today);
  };
  // Parents of units that ended without successor, the day before they ended.
  for (const u of involved) {
    const life = lifetimes.get(u);
    if (!life?.to || exists(u)) continue;
    const outgoing = (edgesFrom.get(u) ?? []).filter((e) => e.to !== u && e.to !== null);
    if (outgoing.length === 0) parents.set(u, await repo.parentOn(db, hierarchy, u, addDays(life.to, -1)));
  }
  for (const p of parents.values()) {
    if (p !== null && !lifetimes.has(p)) {
      const more = await repo.unitEnds(db, [p]);
      more.forEach((v, k) => lifetimes.set(k, v));
    }
  }
  const chainCache = new Map<number, number[]>();
  const world: LineageWorld = {
    existsNow: exists,
    edgesFrom: (u) => edgesFrom.get(u) ?? [],
    parentBeforeEnd: (u) => parents.get(u) ?? null,
    lowestCommonAncestor: () => null,
  };
  const out = new Map<number, Mapping>();
  const splits: number[] = [];
  for (const u of unitIds) {
    const m = mapToToday(world, u);
    out.set(u, m);
    if (m.rule === 'split_undivided' && m.among.length > 1) splits.push(u);
  }
  if (splits.length) {
    const partIds = [...new Set(splits.flatMap((u) => out.get(u)!.among))];
    const chains = await repo.chainsOn(db, hierarchy, partIds, today);
    chains.forEach((v, k) => chainCache.set(k, v));
    for (const u of splits) {
      const m = out.get(u)!;
      const lists = m.among.map((p) => chainCache.get(p) ?? [p]);
      const lca = lists[0].find((a) => lists.every((l) => l.includes(a))) ?? null;
      out.set(u, { ...m, to: lca });
    }
  }
  return out;
}
