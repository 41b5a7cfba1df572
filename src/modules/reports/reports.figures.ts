/**
 * The figures of a report: what the unit typed, what records say (record-sourced indicators),
 * the aggregate of its accepted subordinates' reports (read from precomputed rollups) and the
 * total of the two, aggregated the way each indicator says.
 */
import type { Kysely } from 'kysely';
import { periodRange } from '../../core/periods';
import type { FormDefinition, Values } from '../../core/report-form';
import { accumulate, contributions, emptyAccumulator, mergeAccumulators, resultOf, type Accumulator } from '../../core/rollup';
import type { Database } from '../../db/schema';
import { indicatorSource } from '../indicator-sources/indicator-sources.all';
import { convention, type ScheduleRow } from '../report-schedules/report-schedules.service';
import { directReporters, reportersBelow, type ReportingStructure } from '../report-schedules/report-schedules.structure';
import * as rollups from './reports.rollups.repository';

type Db = Kysely<Database>;

export interface SourcedFigure {
  value: number;
  total: number;
  records: Array<{ entity: string; id: number | string; label: string; link: string | null }>;
  error: string | null;
}

export type AggregateFigures = Record<string, { value: number | null; n: number; acc: Accumulator }>;

/** Compute every record-sourced indicator of a form for a unit and period. */
export async function computeSourced(db: Db, structure: ReportingStructure, unitId: number, def: FormDefinition): Promise<Record<string, SourcedFigure>> {
  const out: Record<string, SourcedFigure> = {};
  const schedule = structure.schedule;
  for (const ind of def.indicators) {
    if (!ind.source) continue;
    const source = indicatorSource(ind.source.key);
    if (!source) {
      out[ind.code] = { value: 0, total: 0, records: [], error: `unknown source ${ind.source.key}` };
      continue;
    }
    try {
      const result = await source.compute({
        db, unitId, hierarchy: schedule.hierarchy, range: periodRange(structure.periodKey, convention(schedule)), treeDate: structure.treeDate,
        excludeSubtrees: reportersBelow(structure, unitId), planId: schedule.plan_id, params: ind.source.params ?? {},
      });
      out[ind.code] = { value: result.value, total: result.total, records: result.records, error: null };
    } catch (error) {
      out[ind.code] = { value: 0, total: 0, records: [], error: String((error as Error).message ?? error).slice(0, 300) };
    }
  }
  return out;
}

/** Typed values with the record-sourced ones filled in (sources that failed stay blank). */
export function mergedValues(values: Values, sourced: Record<string, SourcedFigure>): Values {
  const out: Values = { ...values };
  for (const [code, s] of Object.entries(sourced)) out[code] = s.error ? null : s.value;
  return out;
}

/** The aggregate of the accepted reports below a unit: the rollups of its direct reporters, merged. */
export async function subordinatesAggregate(db: Db, structure: ReportingStructure, unitId: number, def: FormDefinition): Promise<AggregateFigures> {
  const reporters = directReporters(structure, unitId).map((u) => u.unitId);
  const byUnit = await rollups.readRollups(db, structure.schedule.id, structure.periodKey, reporters);
  const merged = new Map<string, Accumulator>();
  for (const perIndicator of byUnit.values()) {
    for (const [code, acc] of perIndicator) merged.set(code, mergeAccumulators(merged.get(code) ?? emptyAccumulator(), acc));
  }
  const out: AggregateFigures = {};
  for (const ind of def.indicators) {
    if (ind.aggregation === 'none') continue;
    const acc = merged.get(ind.code) ?? emptyAccumulator();
    out[ind.code] = { value: resultOf(acc, ind.aggregation), n: acc.n, acc };
  }
  return out;
}

/** Own figures combined with the subordinates' aggregate, per indicator. */
export function totalsOf(def: FormDefinition, values: Values, aggregate: Record<string, { acc?: Accumulator; n: number; value: number | null }>): Record<string, number | null> {
  const own = contributions(def, values);
  const out: Record<string, number | null> = {};
  for (const ind of def.indicators) {
    if (ind.aggregation === 'none') continue;
    let acc = aggregate[ind.code]?.acc ?? emptyAccumulator();
    const mine = own.get(ind.code);
    if (mine) acc = accumulate(acc, mine);
    out[ind.code] = resultOf(acc, ind.aggregation);
  }
  return out;
}

/** The aggregate as stored in a snapshot: accumulators kept, so totals can be recomputed exactly. */
export function serializeAggregate(aggregate: AggregateFigures): string {
  return JSON.stringify(aggregate);
}

export function parseAggregate(json: string): AggregateFigures {
  return JSON.parse(json) as AggregateFigures;
}

export function publicAggregate(aggregate: AggregateFigures): Record<string, { value: number | null; n: number }> {
  return Object.fromEntries(Object.entries(aggregate).map(([k, v]) => [k, { value: v.value, n: v.n }]));
}

