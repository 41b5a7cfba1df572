/**
 * Reading and writing a plan's content as one value: the working copy (rows) and the issued
 * versions (frozen JSON). Task ids survive edits and amendments, so child tasks, progress and
 * indicators keep pointing at the same task.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ContentTask, PlanContent } from './plan-content';
import type { ValidatedContent } from './plan-validation';
import * as repo from './plans.repository';
import type { PlanRow } from './plans.repository';

type Db = Kysely<Database>;

export function parseJsonArray<T>(text: string): T[] {
  const value = JSON.parse(text) as unknown;
  return Array.isArray(value) ? (value as T[]) : [];
}

export async function loadWorkingContent(db: Db, plan: PlanRow): Promise<PlanContent> {
  const rows = await repo.liveTasks(db, plan.id);
  const coordinating = await repo.coordinatingUnits(db, rows.map((r) => r.id));
  const tasks: ContentTask[] = rows.map((r) => ({
    id: r.id, parentId: r.parent_id, position: r.position, title: r.title, description: r.description,
    leadUnitId: r.lead_unit_id, coordinatingUnitIds: coordinating.get(r.id) ?? [], startOn: r.start_on, dueOn: r.due_on,
    milestoneOn: r.milestone_on, expectedOutputs: r.expected_outputs, parentPlanTaskId: r.parent_plan_task_id,
  }));
  return {
    title: plan.title,
    issuingBody: plan.issuing_body,
    year: plan.year,
    purposes: parseJsonArray(plan.purposes_json),
    requirements: parseJsonArray(plan.requirements_json),
    implementation: parseJsonArray(plan.implementation_json),
    implementsDocumentIds: await repo.documentIds(db, plan.id),
    requiredUnitIds: await repo.requiredUnitIds(db, plan.id),
    concretizeDueOn: plan.concretize_due_on,
    place: plan.place,
    signerCapacity: plan.signer_capacity,
    signerTitle: plan.signer_title,
    signerName: plan.signer_name,
    recipients: parseJsonArray(plan.recipients_json),
    tasks: orderTasks(tasks),
  };
}

/** Depth-first, siblings by position: the order snapshots and views use. */
function orderTasks(tasks: ContentTask[]): ContentTask[] {
  const children = new Map<number | null, ContentTask[]>();
  for (const t of tasks) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  const out: ContentTask[] = [];
  const walk = (parentId: number | null) => {
    for (const t of (children.get(parentId) ?? []).sort((a, b) => a.position - b.position || a.id - b.id)) {
      out.push(t);
      walk(t.id);
    }
  };
  walk(null);
  return out;
}

export async function loadVersionContent(db: Db, planId: number, version: number): Promise<PlanContent | null> {
  const row = await repo.findVersion(db, planId, version);
  return row ? (JSON.parse(row.snapshot_json) as PlanContent) : null;
}

/** The content of the last issued version, or null for a plan never issued. */
export async function loadIssuedContent(db: Db, plan: PlanRow): Promise<PlanContent | null> {
  return plan.current_version > 0 ? loadVersionContent(db, plan.id, plan.current_version) : null;
}

export function headerColumns(header: ValidatedContent['header']) {
  return {
    title: header.title,
    issuing_body: header.issuingBody,
    year: header.year,
    purposes_json: JSON.stringify(header.purposes),
    requirements_json: JSON.stringify(header.requirements),
    implementation_json: JSON.stringify(header.implementation),
    recipients_json: JSON.stringify(header.recipients),
    concretize_due_on: header.concretizeDueOn,
    place: header.place,
    signer_capacity: header.signerCapacity,
    signer_title: header.signerTitle,
    signer_name: header.signerName,
  };
}

/**
 * Replace the working copy with validated content: kept tasks are updated in place, new ones
 * inserted, omitted ones deleted (never issued) or marked removed (issued: links must survive).
 */
export async function writeWorkingCopy(db: Db, plan: PlanRow, content: ValidatedContent, now: string): Promise<void> {
  await repo.setDocuments(db, plan.id, content.header.implementsDocumentIds);
  await repo.setRequiredUnits(db, plan.id, content.header.requiredUnitIds);

  const ids: number[] = [];
  // New tasks first, in order, so a kept task may move under a new one.
  for (const t of content.tasks) {
    const parentId = t.parentIndex === null ? null : ids[t.parentIndex];
    if (t.existingId !== null) {
      ids.push(t.existingId);
      continue;
    }
    const id = await repo.insertTask(db, {
      plan_id: plan.id, parent_id: parentId, position: t.position, ...taskColumns(t.fields),
      introduced_version: 0, removed_at: null, created_at: now, updated_at: now,
    });
    ids.push(id);
  }
  for (const [i, t] of content.tasks.entries()) {
    if (t.existingId === null) {
      await repo.setCoordinatingUnits(db, ids[i], t.fields.coordinatingUnitIds);
      continue;
    }
    await repo.updateTask(db, t.existingId, {
      parent_id: t.parentIndex === null ? null : ids[t.parentIndex], position: t.position, ...taskColumns(t.fields),
      removed_at: null, updated_at: now,
    });
    await repo.setCoordinatingUnits(db, t.existingId, t.fields.coordinatingUnitIds);
  }
  const kept = new Set(ids);
  const omitted = (await repo.allTaskIds(db, plan.id)).filter((t) => !t.removed && !kept.has(t.id));
  await repo.markTasksRemoved(db, omitted.filter((t) => t.introduced > 0).map((t) => t.id), now);
  await repo.deleteTasks(db, omitted.filter((t) => t.introduced === 0).map((t) => t.id));
}

function taskColumns(f: ValidatedContent['tasks'][number]['fields']) {
  return {
    title: f.title, description: f.description, lead_unit_id: f.leadUnitId, start_on: f.startOn, due_on: f.dueOn,
    milestone_on: f.milestoneOn, expected_outputs: f.expectedOutputs, parent_plan_task_id: f.parentPlanTaskId,
  };
}

/** Turn issued content back into the writer's form (to discard an amendment's changes). */
export function contentToWrite(content: PlanContent): ValidatedContent {
  const index = new Map(content.tasks.map((t, i) => [t.id, i]));
  const { tasks, ...header } = content;
  return {
    header,
    tasks: tasks.map((t) => ({
      existingId: t.id,
      parentIndex: t.parentId === null ? null : index.get(t.parentId)!,
      position: t.position,
      fields: {
        title: t.title, description: t.description, leadUnitId: t.leadUnitId, coordinatingUnitIds: t.coordinatingUnitIds,
        startOn: t.startOn, dueOn: t.dueOn, milestoneOn: t.milestoneOn, expectedOutputs: t.expectedOutputs, parentPlanTaskId: t.parentPlanTaskId,
      },
    })),
  };
}
