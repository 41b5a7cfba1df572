/**
 * "As structured now": where the figures of a unit that reported in the past belong in today's
 * tree. The rule, chosen so that totals are neither lost nor counted twice:
 *
 * - a unit that still exists (renamed or moved, even) keeps its figures;
 * - a unit merged into another (existing or new) hands all its figures to it;
 * - a unit dissolved with a named successor hands them to the successor;
 * - a unit dissolved without successor hands them to the unit it sat under the day before;
 * - a unit split into several hands them to none of the parts in particular: no honest share
 *   exists, so the figures sit, undivided, at the lowest unit that today contains every part.
 *
 * The rules compose along chains of restructurings (merged, then split, then renamed …). Each
 * past unit ends up attached to exactly one unit of today, with weight one, so every total at
 * or above that unit is exact, and nothing is divided into invented fractions.
 */

export interface LineageEdge {
  from: number;
  /** null: dissolved without successor. */
  to: number | null;
  kind: string;
  date: string;
}

export interface LineageWorld {
  /** Whether a unit exists on the target day. */
  existsNow(unitId: number): boolean;
  /** Restructuring edges leaving a unit (self edges of renames and moves excluded). */
  edgesFrom(unitId: number): LineageEdge[];
  /** The unit's parent the day before it ended (null when it was a root or is unknown). */
  parentBeforeEnd(unitId: number): number | null;
  /** The lowest unit of today containing all the given units (null when they share no ancestor). */
  lowestCommonAncestor(unitIds: number[]): number | null;
}

export type MappingRule = 'same' | 'merged' | 'successor' | 'absorbed_by_parent' | 'split_undivided' | 'lost';

export interface Mapping {
  from: number;
  /** The unit of today that carries the figures (null when no unit of today can). */
  to: number | null;
  rule: MappingRule;
  /** For a split: the units of today the figures could not be divided among. */
  among: number[];
}

const MAX_STEPS = 50;

/** The units of today a past unit's figures reach, following lineage (before deciding on splits). */
function reach(world: LineageWorld, unitId: number, seen: Set<number>, steps = 0): { units: Set<number>; rules: Set<MappingRule> } {
  const out = { units: new Set<number>(), rules: new Set<MappingRule>() };
  if (seen.has(unitId) || steps > MAX_STEPS) return out;
  seen.add(unitId);
  if (world.existsNow(unitId)) {
    out.units.add(unitId);
    return out;
  }
  const edges = world.edgesFrom(unitId).filter((e) => e.to !== unitId);
  const targets = [...new Set(edges.map((e) => e.to).filter((t): t is number => t !== null))];
  let rule: MappingRule;
  let next: number[];
  if (targets.length > 1) {
    rule = 'split_undivided';
    next = targets;
  } else if (targets.length === 1) {
    rule = edges.some((e) => e.kind === 'merge') ? 'merged' : 'successor';
    next = targets;
  } else {
    const parent = world.parentBeforeEnd(unitId);
    rule = 'absorbed_by_parent';
    next = parent === null ? [] : [parent];
  }
  out.rules.add(rule);
  for (const t of next) {
    const r = reach(world, t, seen, steps + 1);
    r.units.forEach((u) => out.units.add(u));
    r.rules.forEach((x) => out.rules.add(x));
  }
  return out;
}

export function mapToToday(world: LineageWorld, unitId: number): Mapping {
  const { units, rules } = reach(world, unitId, new Set());
  const among = [...units].sort((a, b) => a - b);
  if (among.length === 0) return { from: unitId, to: null, rule: 'lost', among: [] };
  if (among.length === 1) {
    const rule: MappingRule = among[0] === unitId ? 'same'
      : rules.has('split_undivided') ? 'split_undivided'
        : rules.has('merged') ? 'merged'
          : rules.has('successor') ? 'successor' : 'absorbed_by_parent';
    return { from: unitId, to: among[0], rule, among: rule === 'split_undivided' ? among : [] };
  }
  return { from: unitId, to: world.lowestCommonAncestor(among), rule: 'split_undivided', among };
}
