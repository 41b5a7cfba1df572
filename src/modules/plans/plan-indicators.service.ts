/**
 * Which reporting indicators measure a task. The link is kept outside the plan's frozen content:
 * linking an indicator measures the plan, it does not change what was issued, so it needs no
 * amendment. The reporting module validates its indicator ids and calls this.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { ConflictError, NotFoundError } from '../../core/errors';
import type { Database } from '../../db/schema';
import * as audit from '../audit/audit.service';
import { loadPlanFor } from './plan-access';
import * as repo from './plans.repository';

type Db = Kysely<Database>;

export async function setTaskIndicators(db: Db, actor: Actor | null, planId: number, taskId: number, indicatorIds: number[]): Promise<number[]> {
  const plan = await loadPlanFor(db, actor, planId, 'plan.draft');
  if (plan.status === 'closed') {
    throw new ConflictError({ vi: 'Kế hoạch đã kết thúc, không sửa được', en: 'The plan is closed and cannot be changed' }, undefined, 'plan_closed');
  }
  if ((await repo.taskPlanId(db, taskId)) !== plan.id) throw new NotFoundError('plan_task', taskId);
  const before = (await repo.indicatorIds(db, [taskId])).get(taskId) ?? [];
  await repo.setTaskIndicators(db, taskId, indicatorIds, new Date().toISOString());
  const after = (await repo.indicatorIds(db, [taskId])).get(taskId) ?? [];
  await audit.record(db, actor, { entity: 'plan_task', entityId: taskId, action: 'indicators', unitId: plan.issuer_unit_id, before, after });
  return after;
}

/** Tasks an indicator measures (for the reporting module's screens). */
export async function tasksMeasuredBy(db: Db, indicatorId: number): Promise<Array<{ taskId: number; planId: number }>> {
  return repo.tasksForIndicator(db, indicatorId);
}
