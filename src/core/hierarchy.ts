/**
 * Pure tree work for creating many units at once: putting parents before children, finding
 * cycles, and deriving a new unit's effective-dated closure rows from its parent's.
 */

/**
 * Order keys so that every key comes after its parent (when the parent is among the keys).
 * Keys caught in a cycle are returned separately, each cycle once, in the order found.
 */
export function parentsFirst(keys: readonly string[], parentOf: (key: string) => string | null | undefined): {
  order: string[];
  cycles: string[][];
} {
  const present = new Set(keys);
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const cycles: string[][] = [];
  const inCycle = new Set<string>();
  for (const start of keys) {
    if (state.has(start)) continue;
    // Walk up to the first ancestor already placed (or outside the set), then place downward.
    const path: string[] = [];
    let key: string | null | undefined = start;
    while (key != null && present.has(key) && !state.has(key)) {
      state.set(key, 'visiting');
      path.push(key);
      key = parentOf(key);
    }
    if (key != null && state.get(key) === 'visiting') {
      const cycle = path.slice(path.indexOf(key));
      cycles.push(cycle);
      for (const k of cycle) inCycle.add(k);
    }
    for (const k of path.reverse()) {
      state.set(k, 'done');
      if (inCycle.has(k) || blockedBy(k, parentOf, inCycle, present)) inCycle.add(k);
      else order.push(k);
    }
  }
  return { order, cycles };
}

/** A key under a cycle cannot be placed either. */
function blockedBy(key: string, parentOf: (key: string) => string | null | undefined, inCycle: Set<string>, present: Set<string>): boolean {
  const parent = parentOf(key);
  return parent != null && present.has(parent) && inCycle.has(parent);
}

export interface ClosureSpan {
  ancestorId: number;
  depth: number;
  validFrom: string;
  validTo: string | null;
}

/**
 * The closure of a unit attached under `parentSpans`' unit from `date`: itself at depth 0, and
 * every ancestor of the parent one level deeper, for the part of each span from `date` on. Spans
 * of the parent that start later (a move recorded after `date`) are inherited as they are, so the
 * child follows its parent through history already recorded.
 */
export function childClosure(unitId: number, date: string, parentSpans: readonly ClosureSpan[]): ClosureSpan[] {
  const rows: ClosureSpan[] = [{ ancestorId: unitId, depth: 0, validFrom: date, validTo: null }];
  for (const span of parentSpans) {
    if (span.validTo !== null && span.validTo <= date) continue;
    rows.push({
      ancestorId: span.ancestorId,
      depth: span.depth + 1,
      validFrom: span.validFrom > date ? span.validFrom : date,
      validTo: span.validTo,
    });
  }
  return rows;
}
