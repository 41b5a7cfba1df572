/**
 * Lineage answers two questions by walking restructuring edges: "what became of unit X"
 * (forward, to the units in force today) and "what did unit Y come from" (backward).
 */
import type { Kysely } from 'kysely';
import { addDays, todayVn } from '../../core/dates';
import type { Database } from '../../db/schema';
import * as repo from './orgs.repository';

type Db = Kysely<Database>;
type Edge = Awaited<ReturnType<typeof repo.lineageEdges>>[number];

const MAX_STEPS = 20;

async function walk(db: Db, start: number, direction: 'forward' | 'backward') {
  const seen = new Set<number>([start]);
  const edges: Edge[] = [];
  const seenEdges = new Set<string>();
  let frontier = [start];
  for (let step = 0; step < MAX_STEPS && frontier.length > 0; step += 1) {
    const found = await repo.lineageEdges(db, frontier, direction);
    const next: number[] = [];
    for (const edge of found) {
      const key = `${edge.eventId}:${edge.fromUnitId}:${edge.toUnitId}`;
      if (seenEdges.has(key)) continue;
      seenEdges.add(key);
      edges.push(edge);
      const other = direction === 'forward' ? edge.toUnitId : edge.fromUnitId;
      if (other !== null && !seen.has(other)) {
        seen.add(other);
        next.push(other);
      }
    }
    frontier = next;
  }
  return { units: seen, edges };
}

async function describe(db: Db, edges: Edge[]) {
  const byEvent = new Map<number, Edge[]>();
  for (const e of edges) byEvent.set(e.eventId, [...(byEvent.get(e.eventId) ?? []), e]);
  const events = [];
  for (const [eventId, group] of byEvent) {
    const date = group[0].effectiveDate;
    const fromIds = [...new Set(group.map((e) => e.fromUnitId))];
    const toIds = [...new Set(group.map((e) => e.toUnitId).filter((t): t is number => t !== null))];
    const before = await repo.namesBefore(db, fromIds, date);
    const after = await repo.namesOn(db, toIds, date);
    events.push({
      eventId,
      kind: group[0].kind,
      effectiveDate: date,
      note: group[0].note,
      from: fromIds.map((id) => ({ id, name: before.get(id) ?? `#${id}` })),
      to: toIds.map((id) => ({ id, name: after.get(id) ?? `#${id}` })),
    });
  }
  return events;
}

export async function resolveLineage(db: Db, unitId: number, today = todayVn()) {
  const forward = await walk(db, unitId, 'forward');
  const backward = await walk(db, unitId, 'backward');
  const successors = (await describe(db, forward.edges)).sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.eventId - b.eventId);
  const predecessors = (await describe(db, backward.edges)).sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.eventId - a.eventId);

  const currentSuccessors = [];
  const names = await repo.namesOn(db, [...forward.units], today);
  for (const id of forward.units) {
    const unit = await repo.findUnit(db, id, today);
    if (unit && unit.validFrom <= today && (unit.validTo === null || unit.validTo > today)) {
      currentSuccessors.push({ id, name: names.get(id) ?? unit.name });
    }
  }
  const originalPredecessors = [];
  for (const id of backward.units) {
    if (id === unitId) continue;
    const unit = await repo.findUnit(db, id, today);
    if (unit?.validTo) {
      const lastNames = await repo.namesOn(db, [id], addDays(unit.validTo, -1));
      originalPredecessors.push({ id, name: lastNames.get(id) ?? unit.name });
    }
  }
  return { predecessors, successors, currentSuccessors, originalPredecessors };
}
