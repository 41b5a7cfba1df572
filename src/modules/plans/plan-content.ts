/**
 * The content of a plan as one value (what an issued version freezes), and the pure work on it:
 * flattening the nested task input, numbering the tree ("1", "1.2"), comparing two versions.
 * No I/O here.
 */
import type { PlanComparison, PlanTaskInput } from './plans.contract';

export interface ContentTask {
  id: number;
  parentId: number | null;
  position: number;
  title: string;
  description: string | null;
  leadUnitId: number | null;
  coordinatingUnitIds: number[];
  startOn: string | null;
  dueOn: string | null;
  milestoneOn: string | null;
  expectedOutputs: string | null;
  parentPlanTaskId: number | null;
}

export interface ImplementationItem {
  responsible: string;
  unitIds: number[];
  duties: string;
}

export interface PlanContent {
  title: string;
  issuingBody: string;
  year: number;
  purposes: string[];
  requirements: string[];
  implementation: ImplementationItem[];
  implementsDocumentIds: number[];
  requiredUnitIds: number[];
  concretizeDueOn: string | null;
  place: string;
  signerCapacity: string | null;
  signerTitle: string | null;
  signerName: string | null;
  recipients: string[];
  /** Depth-first, siblings by position. */
  tasks: ContentTask[];
}

/** One task of the nested input, flattened: where it sits and the field path for messages. */
export interface FlatTaskInput {
  input: PlanTaskInput;
  /** Index of the parent in the flat list, or null for a task group. */
  parentIndex: number | null;
  position: number;
  depth: number;
  /** "taskGroups.0.tasks.2" */
  path: string;
}

export function flattenTaskInput(groups: PlanTaskInput[]): FlatTaskInput[] {
  const out: FlatTaskInput[] = [];
  const walk = (items: PlanTaskInput[], parentIndex: number | null, depth: number, base: string) => {
    items.forEach((input, position) => {
      const path = `${base}.${position}`;
      out.push({ input, parentIndex, position, depth, path });
      walk(input.tasks ?? [], out.length - 1, depth + 1, `${path}.tasks`);
    });
  };
  walk(groups, null, 0, 'taskGroups');
  return out;
}

export interface NumberedTask<T> {
  task: T;
  depth: number;
  number: string;
}

/** Order a flat task list depth-first (siblings by position) and number it "1", "1.2" … */
export function numberTasks<T extends { id: number; parentId: number | null; position: number }>(tasks: T[]): NumberedTask<T>[] {
  const children = new Map<number | null, T[]>();
  for (const task of tasks) {
    const list = children.get(task.parentId) ?? [];
    list.push(task);
    children.set(task.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  const out: NumberedTask<T>[] = [];
  const walk = (parentId: number | null, prefix: string, depth: number) => {
    (children.get(parentId) ?? []).forEach((task, i) => {
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.push({ task, depth, number });
      walk(task.id, number, depth + 1);
    });
  };
  walk(null, '', 0);
  return out;
}

/** Ids of the tasks and every task below them. */
export function withDescendants(tasks: ContentTask[], roots: Iterable<number>): Set<number> {
  const out = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tasks) {
      if (t.parentId !== null && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Ids of the tasks and every task above them. */
export function withAncestors(tasks: ContentTask[], ids: Iterable<number>): Set<number> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const out = new Set<number>();
  for (const start of ids) {
    let current = byId.get(start);
    while (current && !out.has(current.id)) {
      out.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
  }
  return out;
}

const HEADER_FIELDS: Array<keyof Omit<PlanContent, 'tasks'>> = [
  'title', 'issuingBody', 'year', 'purposes', 'requirements', 'implementation', 'implementsDocumentIds',
  'requiredUnitIds', 'concretizeDueOn', 'place', 'signerCapacity', 'signerTitle', 'signerName', 'recipients',
];
const TASK_FIELDS: Array<keyof ContentTask> = [
  'title', 'description', 'leadUnitId', 'coordinatingUnitIds', 'startOn', 'dueOn', 'milestoneOn', 'expectedOutputs',
  'parentPlanTaskId', 'parentId', 'position',
];

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** What changed from one version's content to another's: header fields and tasks by id. */
export function compareContents(from: number, a: PlanContent, to: number, b: PlanContent): PlanComparison {
  const fields = HEADER_FIELDS.filter((f) => !same(a[f], b[f])).map((field) => ({ field, before: a[field], after: b[field] }));
  const numberedA = new Map(numberTasks(a.tasks).map((n) => [n.task.id, n]));
  const numberedB = new Map(numberTasks(b.tasks).map((n) => [n.task.id, n]));
  const tasksAdded = [...numberedB.values()].filter((n) => !numberedA.has(n.task.id))
    .map((n) => ({ id: n.task.id, number: n.number, title: n.task.title }));
  const tasksRemoved = [...numberedA.values()].filter((n) => !numberedB.has(n.task.id))
    .map((n) => ({ id: n.task.id, number: n.number, title: n.task.title }));
  const tasksChanged: PlanComparison['tasksChanged'] = [];
  for (const after of numberedB.values()) {
    const before = numberedA.get(after.task.id);
    if (!before) continue;
    const changes: Array<{ field: string; before: unknown; after: unknown }> = TASK_FIELDS
      .filter((f) => !same(before.task[f], after.task[f]))
      .map((field) => ({ field, before: before.task[field], after: after.task[field] }));
    if (before.number !== after.number) changes.push({ field: 'number', before: before.number, after: after.number });
    if (changes.length) tasksChanged.push({ id: after.task.id, number: after.number, title: after.task.title, changes });
  }
  return { from, to, fields, tasksAdded, tasksRemoved, tasksChanged };
}

/** Every unit a version assigns work to: required, lead, coordinating, named in the implementation. */
export function assignedUnitIds(content: PlanContent): number[] {
  const ids = new Set<number>(content.requiredUnitIds);
  for (const t of content.tasks) {
    if (t.leadUnitId !== null) ids.add(t.leadUnitId);
    for (const u of t.coordinatingUnitIds) ids.add(u);
  }
  for (const item of content.implementation) for (const u of item.unitIds) ids.add(u);
  return [...ids];
}

/** Content back in the nested input form (to re-check it, or to offer it as a starting point). */
export function contentToTaskInput(tasks: ContentTask[]): PlanTaskInput[] {
  const nodes = new Map<number, PlanTaskInput>();
  const roots: PlanTaskInput[] = [];
  for (const { task } of numberTasks(tasks)) {
    const node: PlanTaskInput = {
      id: task.id, title: task.title, description: task.description, leadUnitId: task.leadUnitId,
      coordinatingUnitIds: task.coordinatingUnitIds, startOn: task.startOn, dueOn: task.dueOn, milestoneOn: task.milestoneOn,
      expectedOutputs: task.expectedOutputs, parentPlanTaskId: task.parentPlanTaskId, tasks: [],
    };
    nodes.set(task.id, node);
    const parent = task.parentId === null ? undefined : nodes.get(task.parentId);
    if (parent) parent.tasks!.push(node);
    else roots.push(node);
  }
  return roots;
}
