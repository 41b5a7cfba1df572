/**
 * Aggregating figures up the tree. An accumulator keeps what every aggregation needs
 * (count, sum, weighted sum and total weight, min, max) so that accumulators of subtrees
 * can be added together: that is what lets the database keep rollups incrementally
 * (add one report's figures to each ancestor) instead of recomputing the country.
 */
import type { Aggregation, FormDefinition, IndicatorDef, Values } from './report-form';

export interface Accumulator {
  /** Number of reports that contributed a value. */
  n: number;
  sum: number;
  /** Σ value × weight and Σ weight, for weighted averages (only values that had a weight). */
  wsum: number;
  wtotal: number;
  min: number | null;
  max: number | null;
}

export const emptyAccumulator = (): Accumulator => ({ n: 0, sum: 0, wsum: 0, wtotal: 0, min: null, max: null });

/** One report's contribution for one indicator: its value, and its weight when weighted. */
export interface Contribution {
  value: number;
  weight: number | null;
}

export function accumulate(acc: Accumulator, c: Contribution): Accumulator {
  return {
    n: acc.n + 1,
    sum: acc.sum + c.value,
    wsum: acc.wsum + (c.weight !== null ? c.value * c.weight : 0),
    wtotal: acc.wtotal + (c.weight !== null ? c.weight : 0),
    min: acc.min === null ? c.value : Math.min(acc.min, c.value),
    max: acc.max === null ? c.value : Math.max(acc.max, c.value),
  };
}

export function mergeAccumulators(a: Accumulator, b: Accumulator): Accumulator {
  return {
    n: a.n + b.n,
    sum: a.sum + b.sum,
    wsum: a.wsum + b.wsum,
    wtotal: a.wtotal + b.wtotal,
    min: a.min === null ? b.min : b.min === null ? a.min : Math.min(a.min, b.min),
    max: a.max === null ? b.max : b.max === null ? a.max : Math.max(a.max, b.max),
  };
}

/** The aggregated figure, or null when nothing contributed (or it does not aggregate). */
export function resultOf(acc: Accumulator, aggregation: Aggregation): number | null {
  if (acc.n === 0) return null;
  switch (aggregation) {
    case 'sum':
    case 'count_yes':
      return round(acc.sum);
    case 'avg':
      return round(acc.sum / acc.n);
    case 'weighted_avg':
      return acc.wtotal > 0 ? round(acc.wsum / acc.wtotal) : null;
    case 'min':
      return acc.min;
    case 'max':
      return acc.max;
    case 'none':
      return null;
  }
}

/** Floating sums of decimals drift (0.1 + 0.2); figures are shown to 4 decimals at most. */
function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * A report's numeric contributions per indicator: numbers as they are, yes/no as 1/0 for
 * count_yes; weights from the weighting indicator. Indicators that do not aggregate, and
 * blank figures, contribute nothing.
 */
export function contributions(def: FormDefinition, values: Values): Map<string, Contribution> {
  const out = new Map<string, Contribution>();
  for (const ind of def.indicators) {
    const c = contributionOf(ind, values);
    if (c) out.set(ind.code, c);
  }
  return out;
}

function contributionOf(ind: IndicatorDef, values: Values): Contribution | null {
  if (ind.aggregation === 'none') return null;
  const v = values[ind.code];
  if (ind.aggregation === 'count_yes') return typeof v === 'boolean' ? { value: v ? 1 : 0, weight: null } : null;
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  let weight: number | null = null;
  if (ind.aggregation === 'weighted_avg' && ind.weightBy) {
    const w = values[ind.weightBy];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) return null;
    weight = w;
  }
  return { value: v, weight };
}

/** Aggregate many reports' values for every indicator of a form. */
export function aggregateValues(def: FormDefinition, reports: Values[]): Map<string, Accumulator> {
  const out = new Map<string, Accumulator>();
  for (const values of reports) {
    for (const [code, c] of contributions(def, values)) out.set(code, accumulate(out.get(code) ?? emptyAccumulator(), c));
  }
  return out;
}
