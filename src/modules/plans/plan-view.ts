/** Turning a plan's content into what the API returns: names for units and documents, numbering, what the actor may do. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { compareVi } from '../../core/text';
import type { Database } from '../../db/schema';
import { numberTasks, type PlanContent } from './plan-content';
import * as registry from '../documents/documents.service';
import { actorUnitsFor, canAt, planScope } from './plan-access';
import * as progressRepo from './plan-progress.repository';
import type { PlanStatus, PlanSummary, PlanTaskView, PlanView, UnitRef } from './plans.contract';
import * as repo from './plans.repository';
import type { PlanRow } from './plans.repository';
import * as orgUnits from '../orgs/orgs.lookup';

type Db = Kysely<Database>;

export function unitRefs(ids: number[], names: Map<number, string>): UnitRef[] {
  return ids.map((id) => ({ id, name: names.get(id) ?? `#${id}` }));
}

export async function planNumberText(db: Db, plan: PlanRow): Promise<string | null> {
  if (plan.document_id === null) return null;
  return (await registry.documentSummaries(db, [plan.document_id])).get(plan.document_id)?.number ?? null;
}

export async function presentPlan(db: Db, actor: Actor | null, plan: PlanRow, content: PlanContent, showing: 'working' | 'issued'): Promise<PlanView> {
  const numbered = numberTasks(content.tasks);
  const taskIds = content.tasks.map((t) => t.id);
  const children = await repo.childPlans(db, [plan.id]);
  const visibleIds = await repo.visiblePlanIds(db, children.map((c) => c.id), planScope(actor));
  const visibleChildren = children.filter((c) => visibleIds.has(c.id));
  const unitIds = [
    plan.issuer_unit_id, ...content.requiredUnitIds, ...content.implementation.flatMap((i) => i.unitIds),
    ...content.tasks.flatMap((t) => [...(t.leadUnitId === null ? [] : [t.leadUnitId]), ...t.coordinatingUnitIds]),
    ...visibleChildren.map((c) => c.issuer_unit_id),
  ];
  const names = await orgUnits.unitNames(db, unitIds, plan.ref_date);
  const documents = await registry.documentSummaries(db, content.implementsDocumentIds);
  const parent = plan.parent_plan_id === null ? null : await repo.findPlan(db, plan.parent_plan_id);
  const [indicators, latest] = await Promise.all([
    repo.indicatorIds(db, taskIds),
    showing === 'issued' ? progressRepo.latestProgress(db, taskIds) : Promise.resolve(new Map()),
  ]);
  const progressUnits = new Set(plan.status === 'issued' && showing === 'issued'
    ? await actorUnitsFor(db, actor, 'plan.progress', plan.ref_date) : []);

  const tasks: PlanTaskView[] = numbered.map(({ task, depth, number }) => ({
    id: task.id, parentId: task.parentId, depth, number, title: task.title, description: task.description,
    leadUnit: task.leadUnitId === null ? null : unitRefs([task.leadUnitId], names)[0],
    coordinatingUnits: unitRefs(task.coordinatingUnitIds, names),
    startOn: task.startOn, dueOn: task.dueOn, milestoneOn: task.milestoneOn, expectedOutputs: task.expectedOutputs,
    parentPlanTaskId: task.parentPlanTaskId, indicatorIds: indicators.get(task.id) ?? [],
    latestProgress: latest.get(task.id) ?? null,
    canPostProgress: task.leadUnitId !== null && progressUnits.has(task.leadUnitId),
  }));

  const may = (action: Parameters<typeof canAt>[2]) => canAt(db, actor, action, plan.issuer_unit_id, plan.ref_date);
  const [draft, issue, coverage] = await Promise.all([may('plan.draft'), may('plan.issue'), may('plan.coverage')]);
  let concretizeAs: UnitRef[] = [];
  if (plan.status === 'issued') {
    const mine = await actorUnitsFor(db, actor, 'plan.draft', plan.ref_date);
    const below = await orgUnits.unitsBelow(db, plan.issuer_unit_id, mine, plan.ref_date);
    const taken = new Set(children.map((c) => c.issuer_unit_id));
    const candidates = mine.filter((u) => below.has(u) && !taken.has(u));
    const candidateNames = await orgUnits.unitNames(db, candidates, plan.ref_date);
    concretizeAs = unitRefs(candidates, candidateNames).sort((a, b) => compareVi(a.name, b.name));
  }
  const editable = plan.status === 'draft' || (plan.status === 'issued' && plan.amendment_open === 1);

  return {
    id: plan.id,
    status: plan.status as PlanStatus,
    issuerUnit: unitRefs([plan.issuer_unit_id], names)[0],
    issuingBody: content.issuingBody,
    year: content.year,
    title: content.title,
    parentPlan: parent ? { id: parent.id, title: parent.title, number: await planNumberText(db, parent) } : null,
    documentId: plan.document_id,
    number: await planNumberText(db, plan),
    issuedOn: plan.issued_on,
    closedOn: plan.closed_on,
    refDate: plan.ref_date,
    currentVersion: plan.current_version,
    amendmentOpen: plan.amendment_open === 1,
    showing,
    purposes: content.purposes,
    requirements: content.requirements,
    implementation: content.implementation.map((i) => ({ responsible: i.responsible, units: unitRefs(i.unitIds, names), duties: i.duties })),
    implements: content.implementsDocumentIds.flatMap((id) => {
      const d = documents.get(id);
      return d ? [{ id: d.id, kind: d.kind, kindName: d.kindName, number: d.number, title: d.title, issuedOn: d.issuedOn, issuerName: d.issuerName }] : [];
    }),
    requiredUnits: unitRefs(content.requiredUnitIds, names).sort((a, b) => compareVi(a.name, b.name)),
    concretizeDueOn: content.concretizeDueOn,
    place: content.place,
    signerCapacity: content.signerCapacity,
    signerTitle: content.signerTitle,
    signerName: content.signerName,
    recipients: content.recipients,
    tasks,
    childPlans: visibleChildren.map((c) => ({
      id: c.id, unit: unitRefs([c.issuer_unit_id], names)[0], status: c.status as PlanStatus, issuedOn: c.issued_on, number: c.number_text,
    })).sort((a, b) => compareVi(a.unit.name, b.unit.name)),
    can: {
      edit: draft && editable && showing === 'working',
      issue: issue && editable,
      amend: draft && plan.status === 'issued' && plan.amendment_open === 0,
      close: issue && plan.status === 'issued' && plan.amendment_open === 0,
      delete: draft && plan.status === 'draft',
      coverage: coverage && plan.status !== 'draft',
      concretizeAs,
    },
  };
}

export function summarize(plan: PlanRow, content: PlanContent, issuerName: string, number: string | null): PlanSummary {
  return {
    id: plan.id, status: plan.status as PlanStatus, issuerUnit: { id: plan.issuer_unit_id, name: issuerName },
    issuingBody: content.issuingBody, year: content.year, title: content.title, number, issuedOn: plan.issued_on,
    parentPlanId: plan.parent_plan_id, amendmentOpen: plan.amendment_open === 1, currentVersion: plan.current_version,
    concretizeDueOn: content.concretizeDueOn, requiredUnitCount: content.requiredUnitIds.length,
    taskGroups: numberTasks(content.tasks).filter((n) => n.depth === 0).map((n) => ({ id: n.task.id, number: n.number, title: n.task.title })),
  };
}
