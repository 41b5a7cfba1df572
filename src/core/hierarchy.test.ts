import { describe, expect, it } from 'vitest';
import { childClosure, parentsFirst } from './hierarchy';

describe('parentsFirst', () => {
  it('puts every parent before its children, whatever the input order', () => {
    const parent: Record<string, string | null> = { c: 'b', b: 'a', a: 'ROOT-IN-DB', d: 'a', e: null };
    const { order, cycles } = parentsFirst(['c', 'd', 'b', 'e', 'a'], (k) => parent[k]);
    expect(cycles).toEqual([]);
    expect(order).toHaveLength(5);
    for (const [child, p] of Object.entries(parent)) {
      if (p && p in parent) expect(order.indexOf(p)).toBeLessThan(order.indexOf(child));
    }
  });

  it('reports each cycle once and leaves what hangs below it unplaced', () => {
    const parent: Record<string, string> = { a: 'b', b: 'c', c: 'a', x: 'a', y: 'y2', y2: 'ROOT' };
    const { order, cycles } = parentsFirst(['x', 'a', 'b', 'c', 'y', 'y2'], (k) => parent[k]);
    expect(cycles).toHaveLength(1);
    expect([...cycles[0]].sort()).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['y2', 'y']);
  });

  it('sees a unit that is its own parent as a cycle', () => {
    expect(parentsFirst(['a'], () => 'a').cycles).toEqual([['a']]);
  });
});

describe('childClosure', () => {
  it('inherits the parent ancestry from the child start, including later recorded changes', () => {
    const rows = childClosure(9, '2021-01-01', [
      { ancestorId: 5, depth: 0, validFrom: '2020-01-01', validTo: null },
      { ancestorId: 2, depth: 1, validFrom: '2020-01-01', validTo: '2022-01-01' },
      { ancestorId: 3, depth: 1, validFrom: '2022-01-01', validTo: null },
      { ancestorId: 1, depth: 2, validFrom: '2020-01-01', validTo: null },
      { ancestorId: 7, depth: 1, validFrom: '2019-01-01', validTo: '2020-06-01' },
    ]);
    expect(rows).toEqual([
      { ancestorId: 9, depth: 0, validFrom: '2021-01-01', validTo: null },
      { ancestorId: 5, depth: 1, validFrom: '2021-01-01', validTo: null },
      { ancestorId: 2, depth: 2, validFrom: '2021-01-01', validTo: '2022-01-01' },
      { ancestorId: 3, depth: 2, validFrom: '2022-01-01', validTo: null },
      { ancestorId: 1, depth: 3, validFrom: '2021-01-01', validTo: null },
    ]);
  });
});
