/**
 * Milestone events: conferences, reviews and anniversaries a plan calls for, recorded by the
 * organizing unit with date, venue, participants, outcome and attached documents and files.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError, invalidField, type FieldIssue } from '../../core/errors';
import { fold } from '../../core/text';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import { unitScope } from '../access/access.scope';
import * as audit from '../audit/audit.service';
import * as registry from '../documents/documents.service';
import type { FileStore } from '../files/file-store';
import * as files from '../files/files.service';
import * as orgUnits from '../orgs/orgs.lookup';
import * as plans from '../plans/plans.service';
import type { CreateEventInput, EventView, ListEventsQuery, UpdateEventInput } from './events.contract';
import * as repo from './events.repository';

type Db = Kysely<Database>;
type Row = NonNullable<Awaited<ReturnType<typeof repo.findEvent>>>;

export const EVENT_FILE_MAX_BYTES = 20 * 1024 * 1024;

const visibleTo = (actor: Actor | null) => unitScope(actor, 'event.read', 'e.organizer_unit_id', 'e.held_on');

async function present(db: Db, actor: Actor | null, rows: Row[]): Promise<EventView[]> {
  const ids = rows.map((r) => r.id);
  const [links, attached] = await Promise.all([repo.documentIdsOf(db, ids), repo.filesOf(db, ids)]);
  const documents = await registry.documentSummaries(db, links.map((l) => l.document_id));
  const planRefs = await plans.planRefs(db, rows.flatMap((r) => (r.plan_id === null ? [] : [r.plan_id])));
  const taskRefs = await plans.taskRefs(db, rows.flatMap((r) => (r.task_id === null ? [] : [r.task_id])));
  const out: EventView[] = [];
  for (const r of rows) {
    const names = await orgUnits.unitNames(db, [r.organizer_unit_id], r.held_on);
    out.push({
      id: r.id, organizer: { id: r.organizer_unit_id, name: names.get(r.organizer_unit_id) ?? `#${r.organizer_unit_id}` },
      kind: r.kind as EventView['kind'], title: r.title, heldOn: r.held_on, venue: r.venue, participants: r.participants,
      participantCount: r.participant_count, outcome: r.outcome,
      plan: r.plan_id === null ? null : planRefs.get(r.plan_id) ?? null,
      task: r.task_id === null ? null : taskRefs.get(r.task_id) ?? null,
      documents: links.filter((l) => l.event_id === r.id).flatMap((l) => {
        const d = documents.get(l.document_id);
        return d ? [{ id: d.id, kind: d.kind, kindName: d.kindName, number: d.number, title: d.title, issuedOn: d.issuedOn, issuerName: d.issuerName }] : [];
      }),
      files: attached.filter((f) => f.event_id === r.id).map((f) => ({ id: f.id, name: f.original_name, mimeType: f.mime_type, sizeBytes: f.size_bytes })),
      can: { edit: await access.can(db, actor, { action: 'event.manage', unitId: r.organizer_unit_id, asOf: r.held_on }) },
    });
  }
  return out;
}

export async function listEvents(db: Db, actor: Actor | null, q: ListEventsQuery) {
  if (!actor) throw new UnauthorizedError();
  const { total, rows } = await repo.listEvents(db, {
    subtreeOf: q.unit, plan: q.plan, kind: q.kind, from: q.from, to: q.to, search: q.q ? fold(q.q) : undefined, limit: q.limit, offset: q.offset,
  }, visibleTo(actor));
  return { total, items: await present(db, actor, rows) };
}

async function loadVisible(db: Db, actor: Actor | null, id: number): Promise<Row> {
  if (!actor) throw new UnauthorizedError();
  const row = await repo.findEvent(db, id);
  if (!row) throw new NotFoundError('milestone_event', id);
  if (!(await repo.isVisible(db, id, visibleTo(actor)))) throw new ForbiddenError('event.read', row.organizer_unit_id);
  return row;
}

export async function getEvent(db: Db, actor: Actor | null, id: number): Promise<EventView> {
  const [view] = await present(db, actor, [await loadVisible(db, actor, id)]);
  return view;
}

/** Links and units beyond shape: the organizer exists that day, the plan is issued and visible, the task is the plan's. */
async function checkLinks(db: Db, actor: Actor | null, organizerUnitId: number, input: UpdateEventInput): Promise<void> {
  if (!(await orgUnits.unitsInForce(db, [organizerUnitId], input.heldOn)).has(organizerUnitId)) {
    throw invalidField('heldOn', 'đơn vị tổ chức không tồn tại vào ngày này', 'the organizing unit does not exist on that day');
  }
  if (input.taskId != null && input.planId == null) throw invalidField('taskId', 'chọn kế hoạch trước khi chọn nhiệm vụ', 'choose the plan before the task');
  if (input.planId != null) {
    const plan = await plans.planForLinking(db, actor, input.planId, 'planId');
    if (input.taskId != null && !plan.taskIds.has(input.taskId)) {
      throw invalidField('taskId', `${input.taskId} không phải nhiệm vụ của kế hoạch đã chọn`, `${input.taskId} is not a task of the chosen plan`);
    }
  }
  const known = await registry.documentSummaries(db, input.documentIds);
  const issues: FieldIssue[] = input.documentIds.flatMap((d, i) => (known.has(d) ? [] : [{
    field: `documentIds.${i}`, message: { vi: `không có văn bản ${d} trong sổ văn bản`, en: `no document ${d} in the registry` },
  }]));
  if (issues.length) throw new ValidationError(issues);
}

function columns(input: UpdateEventInput) {
  return {
    kind: input.kind, title: input.title, title_search: fold(input.title), held_on: input.heldOn, venue: input.venue ?? null,
    participants: input.participants ?? null, participant_count: input.participantCount ?? null, outcome: input.outcome ?? null,
    plan_id: input.planId ?? null, task_id: input.taskId ?? null,
  };
}

export async function createEvent(db: Db, actor: Actor | null, input: CreateEventInput): Promise<EventView> {
  await access.authorize(db, actor, { action: 'event.manage', unitId: input.organizerUnitId, asOf: input.heldOn });
  await checkLinks(db, actor, input.organizerUnitId, input);
  const now = new Date().toISOString();
  const id = await repo.insertEvent(db, {
    organizer_unit_id: input.organizerUnitId, ...columns(input), created_by: actor?.kind === 'user' ? actor.userId : null, created_at: now, updated_at: now,
  });
  await repo.setDocuments(db, id, input.documentIds);
  await audit.record(db, actor, { entity: 'milestone_event', entityId: id, action: 'create', unitId: input.organizerUnitId, after: input });
  return getEvent(db, actor, id);
}

export async function updateEvent(db: Db, actor: Actor | null, id: number, input: UpdateEventInput): Promise<EventView> {
  const before = await loadVisible(db, actor, id);
  await access.authorize(db, actor, { action: 'event.manage', unitId: before.organizer_unit_id, asOf: before.held_on });
  await access.authorize(db, actor, { action: 'event.manage', unitId: before.organizer_unit_id, asOf: input.heldOn });
  await checkLinks(db, actor, before.organizer_unit_id, input);
  await repo.updateEvent(db, id, { ...columns(input), updated_at: new Date().toISOString() });
  await repo.setDocuments(db, id, input.documentIds);
  await audit.record(db, actor, { entity: 'milestone_event', entityId: id, action: 'update', unitId: before.organizer_unit_id, before, after: input });
  return getEvent(db, actor, id);
}

export async function deleteEvent(db: Db, actor: Actor | null, id: number): Promise<void> {
  const before = await loadVisible(db, actor, id);
  await access.authorize(db, actor, { action: 'event.manage', unitId: before.organizer_unit_id, asOf: before.held_on });
  await repo.deleteEvent(db, id);
  await audit.record(db, actor, { entity: 'milestone_event', entityId: id, action: 'delete', unitId: before.organizer_unit_id, before });
}

export async function attachFiles(db: Db, store: FileStore, actor: Actor | null, id: number, uploads: Array<{ bytes: Buffer; filename: string }>): Promise<EventView> {
  const row = await loadVisible(db, actor, id);
  await access.authorize(db, actor, { action: 'event.manage', unitId: row.organizer_unit_id, asOf: row.held_on });
  for (const [i, upload] of uploads.entries()) {
    const stored = await files.storeUpload(db, store, actor, {
      bytes: upload.bytes, originalName: upload.filename, purpose: 'event_attachment', unitId: row.organizer_unit_id,
      allowed: files.DOCUMENT_KINDS, maxBytes: EVENT_FILE_MAX_BYTES, field: `files.${i}`,
    });
    await repo.linkFile(db, id, stored.id);
  }
  await audit.record(db, actor, { entity: 'milestone_event', entityId: id, action: 'attach', unitId: row.organizer_unit_id, after: { files: uploads.map((u) => u.filename) } });
  return getEvent(db, actor, id);
}

export async function readFile(db: Db, store: FileStore, actor: Actor | null, id: number, fileId: number) {
  await loadVisible(db, actor, id);
  if (!(await repo.fileLinked(db, id, fileId))) throw new NotFoundError('file', fileId);
  const { row, bytes } = await files.readStored(db, store, fileId);
  return { bytes, name: row.original_name, mimeType: row.mime_type };
}
