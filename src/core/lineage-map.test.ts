import { describe, expect, it } from 'vitest';
import { mapToToday, type LineageEdge, type LineageWorld } from './lineage-map';

/**
 * 2021:  City(1) ─┬─ District A(2) ─┬─ Ward A1(4)
 *                 │                 └─ Ward A2(5)
 *                 ├─ District B(3) ── Ward B1(6)
 *                 └─ District C(7)
 * 2025:  A and B dissolved (no successor), A1+A2 merged into new Ward N(8) under City,
 *        B1 split into P(9) and Q(10) under City, C renamed (still exists),
 *        D(11) merged into existing E(12) which was later merged into new F(13).
 */
function world(): LineageWorld {
  const today = new Set([1, 7, 8, 9, 10, 13]);
  const edges: LineageEdge[] = [
    { from: 4, to: 8, kind: 'merge', date: '2025-07-01' },
    { from: 5, to: 8, kind: 'merge', date: '2025-07-01' },
    { from: 2, to: null, kind: 'dissolve', date: '2025-07-01' },
    { from: 3, to: null, kind: 'dissolve', date: '2025-07-01' },
    { from: 6, to: 9, kind: 'split', date: '2025-07-01' },
    { from: 6, to: 10, kind: 'split', date: '2025-07-01' },
    { from: 7, to: 7, kind: 'rename', date: '2025-07-01' },
    { from: 11, to: 12, kind: 'merge', date: '2023-01-01' },
    { from: 12, to: 13, kind: 'merge', date: '2024-01-01' },
  ];
  const parentsThen = new Map([[2, 1], [3, 1], [4, 2], [5, 2], [6, 3], [7, 1], [11, 1], [12, 1]]);
  const parentsNow = new Map([[7, 1], [8, 1], [9, 1], [10, 1], [13, 1]]);
  return {
    existsNow: (u) => today.has(u),
    edgesFrom: (u) => edges.filter((e) => e.from === u),
    parentBeforeEnd: (u) => parentsThen.get(u) ?? null,
    lowestCommonAncestor: (units) => {
      const chains = units.map((u) => {
        const chain = [u];
        let p = parentsNow.get(u);
        while (p !== undefined) {
          chain.push(p);
          p = parentsNow.get(p);
        }
        return chain;
      });
      return chains[0].find((a) => chains.every((c) => c.includes(a))) ?? null;
    },
  };
}

describe('mapping past units onto today’s tree', () => {
  const w = world();
  it('keeps units that still exist, renamed or not', () => {
    expect(mapToToday(w, 7)).toEqual({ from: 7, to: 7, rule: 'same', among: [] });
    expect(mapToToday(w, 1)).toMatchObject({ to: 1, rule: 'same' });
  });
  it('hands merged units to what they merged into, through chains', () => {
    expect(mapToToday(w, 4)).toMatchObject({ to: 8, rule: 'merged' });
    expect(mapToToday(w, 5)).toMatchObject({ to: 8, rule: 'merged' });
    expect(mapToToday(w, 11)).toMatchObject({ to: 13, rule: 'merged' });
  });
  it('hands a dissolved unit without successor to its parent then', () => {
    expect(mapToToday(w, 2)).toMatchObject({ to: 1, rule: 'absorbed_by_parent' });
  });
  it('leaves a split unit undivided at the lowest unit holding every part', () => {
    expect(mapToToday(w, 6)).toEqual({ from: 6, to: 1, rule: 'split_undivided', among: [9, 10] });
  });
  it('never loses or doubles a total: each past unit lands on exactly one unit of today', () => {
    const figures = new Map([[1, 5], [2, 10], [3, 20], [4, 1], [5, 2], [6, 4], [7, 8]]);
    const landed = new Map<number, number>();
    for (const [unit, value] of figures) {
      const to = mapToToday(w, unit).to!;
      landed.set(to, (landed.get(to) ?? 0) + value);
    }
    const total = [...figures.values()].reduce((a, b) => a + b, 0);
    expect([...landed.values()].reduce((a, b) => a + b, 0)).toBe(total);
    expect(landed.get(8)).toBe(3);
    expect(landed.get(1)).toBe(5 + 10 + 20 + 4);
  });
});
