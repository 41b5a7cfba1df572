/**
 * Who may see and do what with a plan, on the plan's own day (a 2021 plan is judged on the 2021
 * tree). Reads go through the same SQL condition as lists, so opening a plan never shows what a
 * list would hide.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../../core/errors';
import type { Action } from '../../core/permissions';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import { unitScope } from '../access/access.scope';
import * as repo from './plans.repository';
import type { PlanRow, PlanScope } from './plans.repository';

type Db = Kysely<Database>;

export function planScope(actor: Actor | null): PlanScope {
  return {
    read: (unit, day) => unitScope(actor, 'plan.read', unit, day),
    assigned: (unit, day) => unitScope(actor, 'plan.read_assigned', unit, day),
    drafts: (unit, day) => unitScope(actor, 'plan.read_draft', unit, day),
  };
}

/** The plan when the actor may see it: 404 when there is none, 403 when it is not theirs to see. */
export async function loadReadablePlan(db: Db, actor: Actor | null, planId: number): Promise<PlanRow> {
  if (!actor) throw new UnauthorizedError();
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw new NotFoundError('plan', planId);
  if (!(await repo.isPlanVisible(db, planId, planScope(actor)))) {
    throw new ForbiddenError(plan.status === 'draft' ? 'plan.read_draft' : 'plan.read', plan.issuer_unit_id);
  }
  return plan;
}

/** The plan row, locked, after checking the actor may do `action` at its issuing unit. */
export async function loadPlanFor(db: Db, actor: Actor | null, planId: number, action: Action): Promise<PlanRow> {
  if (!actor) throw new UnauthorizedError();
  const plan = await repo.lockPlan(db, planId);
  if (!plan) throw new NotFoundError('plan', planId);
  await access.authorize(db, actor, { action, unitId: plan.issuer_unit_id, asOf: plan.ref_date });
  return plan;
}

export function canAt(db: Db, actor: Actor | null, action: Action, unitId: number, asOf: string): Promise<boolean> {
  return access.can(db, actor, { action, unitId, asOf });
}

/** Whether the actor sees the working copy (a draft or an open amendment) rather than the issued version. */
export async function seesWorkingCopy(db: Db, actor: Actor | null, plan: PlanRow): Promise<boolean> {
  if (plan.status !== 'draft' && plan.amendment_open !== 1) return false;
  return canAt(db, actor, 'plan.read_draft', plan.issuer_unit_id, plan.ref_date);
}

/** The units at which the actor holds a role that allows `action` there (their own units). */
export async function actorUnitsFor(db: Db, actor: Actor | null, action: Action, asOf: string): Promise<number[]> {
  if (!actor || actor.kind !== 'user') return [];
  const out: number[] = [];
  for (const unitId of new Set(actor.grants.map((g) => g.unitId))) {
    if (await canAt(db, actor, action, unitId, asOf)) out.push(unitId);
  }
  return out;
}
