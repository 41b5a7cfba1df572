/**
 * Record-sourced indicators: figures the system already knows (units of a kind, child plans
 * issued, registrations resolved, and later thematic sessions, exemplars, inspections) are
 * counted from records instead of typed twice. Each capability plugs its sources in here;
 * a report form names a source by key. A computed figure comes with the records behind it.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Localized } from '../../core/errors';
import type { Database } from '../../db/schema';
import { inForce } from '../../db/effective-dated';

export interface SourceContext {
  db: Kysely<Database>;
  /** The reporting unit. */
  unitId: number;
  hierarchy: string;
  /** The period's first and last day. */
  range: { start: string; end: string };
  /** The day whose tree places units (the period's last day). */
  treeDate: string;
  /**
   * Units below this one that send their own reports: records in their subtrees belong to
   * their figures, not to this unit's own, so rollups never count a record twice.
   */
  excludeSubtrees: number[];
  /** The plan the schedule belongs to, when it has one. */
  planId: number | null;
  params: Record<string, unknown>;
}

export interface SourceRecord {
  entity: string;
  id: number | string;
  label: string;
  /** Where the record is shown in the web app. */
  link: string | null;
}

export interface SourceResult {
  value: number;
  /** The records behind the number (at most `RECORDS_SHOWN`; `total` counts them all). */
  records: SourceRecord[];
  total: number;
}

export const RECORDS_SHOWN = 200;

export interface IndicatorSource {
  key: string;
  label: Localized;
  description: Localized;
  /** Type of the figure the source yields. */
  valueType: 'integer' | 'decimal';
  /** Parameters the form gives the source; validated when a form is published. */
  params?: z.ZodType<Record<string, unknown>>;
  compute(ctx: SourceContext): Promise<SourceResult>;
}

const sources = new Map<string, IndicatorSource>();

export function registerIndicatorSource(source: IndicatorSource): void {
  if (sources.has(source.key) && sources.get(source.key) !== source) throw new Error(`indicator source "${source.key}" is registered twice`);
  sources.set(source.key, source);
}

export function findIndicatorSource(key: string): IndicatorSource | undefined {
  return sources.get(key);
}

export function listIndicatorSources(): IndicatorSource[] {
  return [...sources.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * The units of a source's own area: the reporting unit's subtree on the tree date, itself
 * included, less the subtrees of units below it that report on their own.
 */
export async function ownAreaUnitIds(ctx: SourceContext): Promise<number[]> {
  let query = ctx.db.selectFrom('org_closure as c').select('c.descendant_id')
    .where('c.hierarchy', '=', ctx.hierarchy).where('c.ancestor_id', '=', ctx.unitId).where(inForce(ctx.treeDate, 'c'));
  if (ctx.excludeSubtrees.length > 0) {
    query = query.where((eb) => eb.not(eb.exists(eb.selectFrom('org_closure as x').select('x.depth')
      .whereRef('x.descendant_id', '=', 'c.descendant_id').where('x.hierarchy', '=', ctx.hierarchy)
      .where('x.ancestor_id', 'in', ctx.excludeSubtrees).where(inForce(ctx.treeDate, 'x')))));
  }
  return (await query.execute()).map((r) => r.descendant_id);
}
