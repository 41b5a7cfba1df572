/**
 * Who reports in a period and to whom, from the tree at the period's end. A unit reports to
 * its nearest superior that also reports; the top level reports to the schedule's unit, or to
 * the department receiving for it. The schedule's unit itself may keep a report too: the
 * consolidated one it sends on (it has no reviewer here).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as repo from './report-schedules.repository';
import { actsFor, dueDateOf, loadSchedule, requirePeriodOf, scopeOf, treeDateOf, type ScheduleRow } from './report-schedules.service';

type Db = Kysely<Database>;

export interface ReportingUnit {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  depth: number;
  /** The reporting unit directly above (null: it reports to the schedule's unit). */
  parentReporterId: number | null;
  /** The unit that reviews its report. */
  reviewerUnitId: number;
}

export interface ReportingStructure {
  schedule: ScheduleRow;
  periodKey: string;
  treeDate: string;
  dueDate: string;
  rootId: number;
  /** Every unit that must report, in tree order (depth, then name). */
  units: ReportingUnit[];
  byId: Map<number, ReportingUnit>;
}

/**
 * The reporting structure of a period; with `within`, only the part inside that unit's subtree
 * (what consolidating or reporting for that unit needs), whatever the size of the rest of the
 * tree. Units at the top of the part still get their true reviewer from the ancestors above.
 */
export async function reportingStructure(db: Db, schedule: ScheduleRow, periodKey: string, options: { within?: number } = {}): Promise<ReportingStructure> {
  requirePeriodOf(schedule, periodKey);
  const treeDate = treeDateOf(schedule, periodKey);
  const scope = scopeOf(schedule);
  const within = options.within !== undefined && options.within !== schedule.unit_id ? options.within : undefined;
  const base = { hierarchy: schedule.hierarchy, rootId: schedule.unit_id, day: treeDate };
  const found = await repo.subtreeUnitsOfKinds(db, { ...base, kinds: scope.kinds, maxDepth: scope.maxDepth, within });
  let included = await repo.subtreeUnits(db, { ...base, unitIds: scope.includeUnitIds });
  if (within !== undefined) {
    // Explicitly included units outside the part do not belong to it.
    const inside = await repo.idsWithin(db, { hierarchy: schedule.hierarchy, rootId: within, day: treeDate, unitIds: included.map((u) => u.unitId) });
    included = included.filter((u) => inside.has(u.unitId));
  }
  const excluded = new Set(scope.excludeUnitIds);
  const all = new Map<number, (typeof found)[number]>();
  for (const u of [...found, ...included]) if (!excluded.has(u.unitId)) all.set(u.unitId, u);
  const ids = [...all.keys()];
  const links = await repo.ancestorsAmong(db, { hierarchy: schedule.hierarchy, day: treeDate, unitIds: ids, candidates: ids });
  const nearest = new Map<number, { id: number; depth: number }>();
  for (const l of links) {
    const best = nearest.get(l.descendant_id);
    if (!best || l.depth < best.depth) nearest.set(l.descendant_id, { id: l.ancestor_id, depth: l.depth });
  }
  // Above the part: the nearest ancestor of `within` that reports takes the reports of its top.
  let outsideReporter: number | null = null;
  if (within !== undefined) {
    const reports = (u: { unitId: number; depth: number; kind: string }) => !excluded.has(u.unitId) && u.depth >= 1
      && (scope.includeUnitIds.includes(u.unitId) || (scope.kinds.includes(u.kind) && (scope.maxDepth === null || u.depth <= scope.maxDepth)));
    const above = await repo.ancestorsBelowRoot(db, { ...base, unitId: within });
    outsideReporter = above.find(reports)?.unitId ?? null;
  }
  const topReviewer = schedule.recipient_unit_id ?? schedule.unit_id;
  const units: ReportingUnit[] = [...all.values()].map((u) => {
    const parent = nearest.get(u.unitId)?.id ?? outsideReporter;
    return { unitId: u.unitId, code: u.code, name: u.name, kind: u.kind, depth: u.depth, parentReporterId: parent, reviewerUnitId: parent ?? topReviewer };
  }).sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name, 'vi'));
  return {
    schedule, periodKey, treeDate, dueDate: dueDateOf(schedule, periodKey), rootId: schedule.unit_id,
    units, byId: new Map(units.map((u) => [u.unitId, u])),
  };
}

/** Reporting units directly below a unit in the chain (those whose reports it receives). */
export function directReporters(structure: ReportingStructure, unitId: number): ReportingUnit[] {
  if (unitId === structure.rootId) return structure.units.filter((u) => u.parentReporterId === null);
  return structure.units.filter((u) => u.parentReporterId === unitId);
}

/** Units below `unitId` that report on their own (their subtrees are not `unitId`'s own area). */
export function reportersBelow(structure: ReportingStructure, unitId: number): number[] {
  return directReporters(structure, unitId).map((u) => u.unitId);
}

export async function reportingUnitsFor(db: Db, actor: Actor | null, scheduleId: number, periodKey: string) {
  const schedule = await loadSchedule(db, scheduleId);
  if (!(await actsFor(db, actor, schedule))) await access.authorize(db, actor, { action: 'report.schedule.read', unitId: schedule.unit_id });
  const structure = await reportingStructure(db, schedule, periodKey);
  return structure.units;
}
