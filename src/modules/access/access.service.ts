/**
 * The one place that answers "may this actor do this action on this unit?". It combines the
 * policy table (core/permissions) with where the target sits in the tree (closure lookups).
 */
import type { Kysely } from 'kysely';
import type { Actor, ActorGrant, UserActor } from '../../core/actor';
import { addDays, todayVn } from '../../core/dates';
import { ForbiddenError, UnauthorizedError } from '../../core/errors';
import { allows, relationsFor, type Action, type Relation } from '../../core/permissions';
import type { Database } from '../../db/schema';
import * as repo from './access.repository';

type Db = Kysely<Database>;

/**
 * The day on which to judge tree relations for a unit: today, or for a unit that no longer
 * exists, its last day — so records of a dissolved unit stay visible to those who oversaw it.
 */
async function judgementDay(db: Db, unitId: number, asOf?: string): Promise<string> {
  if (asOf) return asOf;
  const today = todayVn();
  const life = await repo.unitLifetime(db, unitId);
  if (life?.valid_to && life.valid_to <= today) return addDays(life.valid_to, -1);
  return today;
}

/** Where `targetUnitId` sits relative to the grant's unit, in the grant's hierarchy. */
export async function relationOf(db: Db, grant: Pick<ActorGrant, 'unitId' | 'hierarchy'>, targetUnitId: number, asOf?: string): Promise<Relation> {
  if (grant.unitId === targetUnitId) return 'self';
  const day = await judgementDay(db, targetUnitId, asOf);
  const rows = await repo.closureBetween(db, grant.hierarchy, grant.unitId, targetUnitId, day);
  if (rows.some((r) => r.ancestor_id === grant.unitId && r.descendant_id === targetUnitId)) return 'descendant';
  if (rows.some((r) => r.ancestor_id === targetUnitId && r.descendant_id === grant.unitId)) return 'ancestor';
  const parentOf = await repo.parents(db, grant.hierarchy, [grant.unitId, targetUnitId], day);
  const p1 = parentOf.get(grant.unitId);
  const p2 = parentOf.get(targetUnitId);
  if (p1 != null && p1 === p2) return 'sibling';
  return 'unrelated';
}

export interface Check {
  action: Action;
  /** The unit the action is about; null for actions that concern no unit (e.g. own profile). */
  unitId: number | null;
  /** Judge the tree as of this day instead of today (e.g. a 2021 report). */
  asOf?: string;
}

/** True when some grant of the actor allows the action on the unit. The system actor may do anything. */
export async function can(db: Db, actor: Actor | null, check: Check): Promise<boolean> {
  if (!actor) return false;
  if (actor.kind === 'system') return true;
  if (check.unitId === null) return actor.grants.some((g) => relationsFor(g.role, check.action).length > 0);
  for (const grant of actor.grants) {
    const allowed = relationsFor(grant.role, check.action);
    if (allowed.length === 0) continue;
    const relation = await relationOf(db, grant, check.unitId, check.asOf);
    if (allows(grant.role, check.action, relation)) return true;
  }
  return false;
}

/** Throws 401 without an actor and 403 when no grant allows the action. */
export async function authorize(db: Db, actor: Actor | null, check: Check): Promise<void> {
  if (!actor) throw new UnauthorizedError();
  if (!(await can(db, actor, check))) throw new ForbiddenError(check.action, check.unitId);
}

export function requireUser(actor: Actor | null): UserActor {
  if (!actor || actor.kind !== 'user') throw new UnauthorizedError();
  return actor;
}

/**
 * The subtrees in which the actor may do an action on any unit: the roots of those subtrees
 * with their hierarchy. Lists filter with these instead of checking row by row.
 * `null` means everywhere (the system actor).
 */
export function scopeRoots(actor: Actor | null, action: Action): Array<{ unitId: number; hierarchy: string }> | null {
  if (!actor) return [];
  if (actor.kind === 'system') return null;
  return actor.grants
    .filter((g) => relationsFor(g.role, action).includes('descendant'))
    .map((g) => ({ unitId: g.unitId, hierarchy: g.hierarchy }));
}
