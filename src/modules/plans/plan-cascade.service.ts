/**
 * The cascade: a unit concretizes its superior's plan into its own (the parent's tasks as a
 * starting point, each child task linked to the task it serves), and the issuer follows coverage:
 * required units × tasks, level by level, rolled up over the whole subtree.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { daysBetween, todayVn } from '../../core/dates';
import { ConflictError, invalidField } from '../../core/errors';
import { compareVi } from '../../core/text';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import type { CoverageRow, CoverageState, CoverageView } from './plan-cascade.contract';
import { contentToTaskInput, numberTasks, withAncestors, withDescendants, type PlanContent } from './plan-content';
import { loadReadablePlan } from './plan-access';
import * as progressRepo from './plan-progress.repository';
import { loadIssuedContent } from './plan-store';
import { validateContent } from './plan-validation';
import { planNumberText, unitRefs } from './plan-view';
import type { ConcretizeInput, PlanView } from './plans.contract';
import * as repo from './plans.repository';
import { draftRefDate, getPlan, insertDraft } from './plans.service';
import * as orgUnits from '../orgs/orgs.lookup';

type Db = Kysely<Database>;

function requireIssuedPlan(status: string): void {
  if (status === 'issued') return;
  throw new ConflictError(status === 'draft'
    ? { vi: 'Kế hoạch chưa ban hành', en: 'The plan has not been issued' }
    : { vi: 'Kế hoạch đã kết thúc', en: 'The plan is closed' }, undefined, status === 'draft' ? 'plan_not_issued' : 'plan_closed');
}

export async function concretize(db: Db, actor: Actor | null, planId: number, input: ConcretizeInput): Promise<PlanView> {
  const parent = await loadReadablePlan(db, actor, planId);
  requireIssuedPlan(parent.status);
  const refDate = draftRefDate(parent.year);
  await access.authorize(db, actor, { action: 'plan.draft', unitId: input.unitId, asOf: refDate });
  if (!(await orgUnits.unitsBelow(db, parent.issuer_unit_id, [input.unitId], refDate)).has(input.unitId)) {
    throw invalidField('unitId', 'đơn vị không trực thuộc đơn vị ban hành kế hoạch', 'the unit is not below the plan\'s issuing unit');
  }
  const existing = await repo.childPlanOf(db, parent.id, input.unitId);
  if (existing) {
    throw new ConflictError({ vi: 'Đơn vị đã có kế hoạch cụ thể hóa kế hoạch này', en: 'The unit already has a plan concretizing this one' },
      { field: 'unitId', planId: existing.id }, 'child_plan_exists');
  }
  const source = (await loadIssuedContent(db, parent))!;
  let chosen = new Set(source.tasks.map((t) => t.id));
  if (input.taskIds) {
    input.taskIds.forEach((id, i) => {
      if (!chosen.has(id)) throw invalidField(`taskIds.${i}`, `${id} không phải nhiệm vụ của kế hoạch này`, `${id} is not a task of this plan`);
    });
    chosen = withAncestors(source.tasks, withDescendants(source.tasks, input.taskIds));
  }
  const unitName = (await orgUnits.unitNames(db, [input.unitId], refDate)).get(input.unitId) ?? '';
  const parentNumber = await planNumberText(db, parent);
  const starting = contentToTaskInput(source.tasks.filter((t) => chosen.has(t.id)).map((t) => ({
    ...t, parentPlanTaskId: t.id, leadUnitId: input.unitId, coordinatingUnitIds: [],
  })));
  const stripIds = (tasks: typeof starting): typeof starting => tasks.map(({ id: _id, tasks: sub, ...rest }) => ({ ...rest, tasks: stripIds(sub ?? []) }));
  const content = await validateContent(db, {
    issuerUnitId: input.unitId, refDate, liveTaskIds: new Set(), parentPlanTaskIds: new Set(source.tasks.map((t) => t.id)),
  }, {
    title: parentNumber ? `Kế hoạch thực hiện Kế hoạch số ${parentNumber} của ${source.issuingBody}` : source.title,
    issuingBody: unitName, year: source.year, purposes: source.purposes, requirements: source.requirements, implementation: [],
    implementsDocumentIds: parent.document_id === null ? [] : [parent.document_id], requiredUnitIds: [], concretizeDueOn: null,
    place: source.place, signerCapacity: null, signerTitle: null, signerName: null, recipients: [], taskGroups: stripIds(starting),
  });
  const childId = await insertDraft(db, actor, input.unitId, parent.id, content, refDate);
  await audit.record(db, actor, {
    entity: 'plan', entityId: childId, action: 'concretize', unitId: input.unitId,
    after: { parentPlanId: parent.id, tasks: content.tasks.length },
  });
  return getPlan(db, actor, childId);
}

interface Node {
  id: number;
  issuerUnitId: number;
  status: string;
  issuedOn: string | null;
  title: string;
  number: string | null;
  content: PlanContent | null;
}

/** Coverage of an issued plan by the units below it, at every level, with totals for the subtree. */
export async function coverage(db: Db, actor: Actor | null, planId: number): Promise<CoverageView> {
  const plan = await loadReadablePlan(db, actor, planId);
  if (plan.status === 'draft') requireIssuedPlan(plan.status);
  await access.authorize(db, actor, { action: 'plan.coverage', unitId: plan.issuer_unit_id, asOf: plan.ref_date });
  const today = todayVn();
  const rootContent = (await loadIssuedContent(db, plan))!;

  // Walk down the child plans level by level; only issued ones have content and go deeper.
  const childrenOf = new Map<number, Node[]>();
  const issuedNodes: Node[] = [];
  let frontier = [plan.id];
  let levels = 0;
  for (let depth = 0; frontier.length > 0 && depth < 10; depth += 1) {
    const rows = await repo.childPlans(db, frontier);
    const snapshots = await repo.currentSnapshots(db, rows.filter((r) => r.status !== 'draft').map((r) => r.id));
    for (const r of rows) {
      const node: Node = {
        id: r.id, issuerUnitId: r.issuer_unit_id, status: r.status, issuedOn: r.issued_on, title: r.title, number: r.number_text,
        content: r.status !== 'draft' && snapshots.has(r.id) ? JSON.parse(snapshots.get(r.id)!) as PlanContent : null,
      };
      childrenOf.set(r.parent_plan_id!, [...(childrenOf.get(r.parent_plan_id!) ?? []), node]);
      if (node.content) issuedNodes.push(node);
    }
    if (rows.length) levels = depth + 1;
    frontier = rows.filter((r) => r.status !== 'draft').map((r) => r.id);
  }
  const progress = await progressRepo.latestProgress(db, issuedNodes.flatMap((n) => n.content!.tasks.map((t) => t.id)));

  const unitIds = [plan.issuer_unit_id, ...rootContent.requiredUnitIds, ...issuedNodes.flatMap((n) => [n.issuerUnitId, ...n.content!.requiredUnitIds])];
  for (const list of childrenOf.values()) unitIds.push(...list.map((n) => n.issuerUnitId));
  const names = await orgUnits.unitNames(db, unitIds, plan.ref_date);

  const totals = { units: 0, issuedOnTime: 0, issuedLate: 0, notIssued: 0, overdue: 0 };
  const level = (planNodeId: number, content: PlanContent): CoverageRow[] => {
    const numbered = numberTasks(content.tasks);
    const parents = new Set(content.tasks.map((t) => t.parentId));
    const leaves = numbered.filter((n) => !parents.has(n.task.id));
    const children = new Map((childrenOf.get(planNodeId) ?? []).map((n) => [n.issuerUnitId, n]));
    const required = new Set(content.requiredUnitIds);
    const units = [...required, ...[...children.values()].filter((n) => n.content && !required.has(n.issuerUnitId)).map((n) => n.issuerUnitId)];
    const due = content.concretizeDueOn;
    const rows = units.map((unitId): CoverageRow => {
      const child = children.get(unitId);
      const issued = child?.content ? child : null;
      let state: CoverageState;
      if (issued) state = due && issued.issuedOn! > due ? 'issued_late' : 'issued_on_time';
      else state = due && today > due ? 'overdue' : 'not_issued';
      totals.units += 1;
      totals[({ issued_on_time: 'issuedOnTime', issued_late: 'issuedLate', not_issued: 'notIssued', overdue: 'overdue' } as const)[state]] += 1;
      const cells = numbered.map(({ task }) => {
        const serving = issued ? issued.content!.tasks.filter((t) => t.parentPlanTaskId === task.id).map((t) => t.id) : [];
        let latest: { percent: number; reportedOn: string } | null = null;
        for (const id of withDescendants(issued?.content!.tasks ?? [], serving)) {
          const p = progress.get(id);
          if (p && (!latest || p.reportedOn > latest.reportedOn)) latest = { percent: p.percent, reportedOn: p.reportedOn };
        }
        return { taskId: task.id, covered: serving.length > 0, childTaskIds: serving, latestProgress: latest };
      });
      const leafIds = new Set(leaves.map((l) => l.task.id));
      return {
        unit: unitRefs([unitId], names)[0],
        required: required.has(unitId),
        childPlan: issued ? { id: issued.id, title: issued.title, number: issued.number, issuedOn: issued.issuedOn, status: issued.status as 'issued' | 'closed' } : null,
        state,
        dueOn: due,
        daysLate: due === null ? null
          : state === 'issued_late' ? daysBetween(due, issued!.issuedOn!)
            : state === 'overdue' ? daysBetween(due, today) : null,
        coveredCount: cells.filter((c) => c.covered && leafIds.has(c.taskId)).length,
        taskCount: leaves.length,
        cells,
        children: issued ? level(issued.id, issued.content!) : [],
      };
    });
    return rows.sort((a, b) => compareVi(a.unit.name, b.unit.name));
  };
  const rows = level(plan.id, rootContent);

  // Which root task each task at any level ultimately serves, to count covering units per root task.
  const rootOf = new Map<number, number>(rootContent.tasks.map((t) => [t.id, t.id]));
  const covering = new Map<number, Set<number>>(rootContent.tasks.map((t) => [t.id, new Set()]));
  for (const node of issuedNodes) {
    for (const t of node.content!.tasks) {
      const root = t.parentPlanTaskId === null ? undefined : rootOf.get(t.parentPlanTaskId);
      if (root === undefined) continue;
      rootOf.set(t.id, root);
      covering.get(root)!.add(node.issuerUnitId);
    }
  }
  const numbered = numberTasks(rootContent.tasks);
  const parentIds = new Set(rootContent.tasks.map((t) => t.parentId));
  return {
    plan: {
      id: plan.id, title: rootContent.title, number: await planNumberText(db, plan),
      issuerUnit: unitRefs([plan.issuer_unit_id], names)[0], issuedOn: plan.issued_on,
    },
    concretizeDueOn: rootContent.concretizeDueOn,
    asOf: today,
    tasks: numbered.map((n) => ({ id: n.task.id, number: n.number, title: n.task.title, depth: n.depth, isLeaf: !parentIds.has(n.task.id) })),
    rows,
    rollup: {
      ...totals,
      levels,
      tasks: numbered.map((n) => ({ taskId: n.task.id, unitsCovering: covering.get(n.task.id)!.size })),
    },
  };
}
