/**
 * Focus-issue registration (đăng ký vấn đề): a unit registers with a body above it the issues it
 * commits to resolve decisively; the body approves or returns them; the unit posts progress and
 * its resolution with evidence; the body confirms it resolved (or reopens it).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { formatVnDate, todayVn } from '../../core/dates';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, invalidField } from '../../core/errors';
import { fold } from '../../core/text';
import type { Database } from '../../db/schema';
import type { Action } from '../../core/permissions';
import * as access from '../access/access.service';
import { unitScope } from '../access/access.scope';
import * as audit from '../audit/audit.service';
import type { FileStore } from '../files/file-store';
import * as files from '../files/files.service';
import * as orgUnits from '../orgs/orgs.lookup';
import * as plans from '../plans/plans.service';
import {
  REGISTRATION_VIEWS, type CreateRegistrationInput, type ListRegistrationsQuery, type RegistrationProgressInput,
  type RegistrationStatus, type RegistrationSummary, type RegistrationView, type UpdateRegistrationInput,
} from './registrations.contract';
import * as repo from './registrations.repository';
import type { RegistrationScope } from './registrations.repository';

type Db = Kysely<Database>;
type Row = NonNullable<Awaited<ReturnType<typeof repo.findRegistration>>>;

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

function scopeOf(actor: Actor | null): RegistrationScope {
  return {
    read: (unit, day) => unitScope(actor, 'registration.read', unit, day),
    drafts: (unit, day) => unitScope(actor, 'registration.read_draft', unit, day),
  };
}

const OPEN_STATUSES: RegistrationStatus[] = ['in_progress', 'resolution_submitted'];
const isOverdue = (r: Row, today: string) => OPEN_STATUSES.includes(r.status as RegistrationStatus) && r.deadline < today;

async function summarize(db: Db, rows: Row[]): Promise<RegistrationSummary[]> {
  const today = todayVn();
  const names = new Map<number, string>();
  for (const r of rows) {
    for (const [id, name] of await orgUnits.unitNames(db, [r.unit_id, r.body_unit_id], r.ref_date)) names.set(id, name);
  }
  const planRefs = await plans.planRefs(db, rows.flatMap((r) => (r.plan_id === null ? [] : [r.plan_id])));
  const ref = (id: number) => ({ id, name: names.get(id) ?? `#${id}` });
  return rows.map((r) => ({
    id: r.id, unit: ref(r.unit_id), body: ref(r.body_unit_id), plan: r.plan_id === null ? null : planRefs.get(r.plan_id) ?? null,
    status: r.status as RegistrationStatus, title: r.title, description: r.description, target: r.target, deadline: r.deadline,
    responsiblePerson: r.responsible_person, latestPercent: r.latest_percent, overdue: isOverdue(r, today),
    submittedAt: r.submitted_at, approvedAt: r.approved_at, resolvedOn: r.resolved_on,
  }));
}

export async function listRegistrations(db: Db, actor: Actor | null, q: ListRegistrationsQuery) {
  if (!actor) throw new UnauthorizedError();
  const scope = scopeOf(actor);
  const today = todayVn();
  const filter = { subtreeOf: q.unit, body: q.body, plan: q.plan, search: q.q ? fold(q.q) : undefined };
  const { total, rows } = await repo.listRegistrations(db, { ...filter, view: q.view, today, limit: q.limit, offset: q.offset }, scope);
  const counts = await repo.countByView(db, filter, REGISTRATION_VIEWS, today, scope);
  return { total, counts, items: await summarize(db, rows) };
}

async function loadVisible(db: Db, actor: Actor | null, id: number): Promise<Row> {
  if (!actor) throw new UnauthorizedError();
  const row = await repo.findRegistration(db, id);
  if (!row) throw new NotFoundError('registration', id);
  if (!(await repo.isVisible(db, id, scopeOf(actor)))) {
    throw new ForbiddenError(row.status === 'draft' ? 'registration.read_draft' : 'registration.read', row.unit_id);
  }
  return row;
}

/** Locked for the change, after checking the actor may do `action` at the unit (registering unit or body). */
async function loadFor(db: Db, actor: Actor | null, id: number, action: Action, side: 'unit' | 'body'): Promise<Row> {
  await loadVisible(db, actor, id);
  const row = (await repo.lockRegistration(db, id))!;
  await access.authorize(db, actor, { action, unitId: side === 'unit' ? row.unit_id : row.body_unit_id, asOf: row.ref_date });
  return row;
}

function requireStatus(row: Row, allowed: RegistrationStatus[], what: { vi: string; en: string }): void {
  if (allowed.includes(row.status as RegistrationStatus)) return;
  throw new ConflictError({ vi: `Không thể ${what.vi} khi đăng ký đang ở trạng thái "${row.status}"`, en: `Cannot ${what.en} while the registration is "${row.status}"` },
    { status: row.status }, 'wrong_status');
}

export async function getRegistration(db: Db, actor: Actor | null, id: number): Promise<RegistrationView> {
  const row = await loadVisible(db, actor, id);
  const [summary] = await summarize(db, [row]);
  const entries = await repo.entriesOf(db, id);
  const attached = await repo.filesOf(db, entries.map((e) => e.id));
  const at = (action: Action, unitId: number) => access.can(db, actor, { action, unitId, asOf: row.ref_date });
  const [unitSide, bodySide] = await Promise.all([at('registration.draft', row.unit_id), at('registration.review', row.body_unit_id)]);
  const status = row.status as RegistrationStatus;
  const open = OPEN_STATUSES.includes(status);
  return {
    ...summary,
    entries: entries.map((e) => ({
      id: e.id, kind: e.kind as RegistrationView['entries'][number]['kind'], text: e.text, percent: e.percent, reportedOn: e.reported_on,
      actorName: e.actor_name, at: e.at,
      files: attached.filter((f) => f.entry_id === e.id).map((f) => ({ id: f.id, name: f.original_name, mimeType: f.mime_type, sizeBytes: f.size_bytes })),
    })),
    can: {
      edit: unitSide && (status === 'draft' || status === 'returned'),
      delete: unitSide && status === 'draft',
      submit: unitSide && (status === 'draft' || status === 'returned'),
      review: bodySide && status === 'submitted',
      postProgress: unitSide && status === 'in_progress',
      submitResolution: unitSide && status === 'in_progress',
      confirm: bodySide && status === 'resolution_submitted',
      attachTo: unitSide && open ? entries.filter((e) => e.kind === 'progress' || e.kind === 'resolution').map((e) => e.id) : [],
    },
  };
}

const actorFields = (actor: Actor | null) => ({
  actorUserId: actor?.kind === 'user' ? actor.userId : null,
  actorName: actor ? (actor.kind === 'user' ? actor.displayName : `system:${actor.name}`) : null,
});

export async function createRegistration(db: Db, actor: Actor | null, input: CreateRegistrationInput): Promise<RegistrationView> {
  let bodyUnitId: number;
  let refDate: string;
  if (input.planId !== undefined) {
    const plan = await plans.planForLinking(db, actor, input.planId, 'planId');
    if (plan.status !== 'issued') throw invalidField('planId', 'kế hoạch đã kết thúc', 'the plan is closed');
    if (input.bodyUnitId !== undefined && input.bodyUnitId !== plan.issuerUnitId) {
      throw invalidField('bodyUnitId', 'đăng ký theo kế hoạch thì nơi nhận là đơn vị ban hành kế hoạch', 'a registration under a plan goes to the plan\'s issuing unit');
    }
    bodyUnitId = plan.issuerUnitId;
    refDate = plan.refDate;
    if (input.deadline < plan.issuedOn) {
      throw invalidField('deadline', `trước ngày ban hành kế hoạch (${formatVnDate(plan.issuedOn)})`, `before the plan was issued (${plan.issuedOn})`);
    }
  } else {
    if (input.bodyUnitId === undefined) throw invalidField('bodyUnitId', 'chọn kế hoạch hoặc đơn vị nhận đăng ký', 'give a plan or the body to register with');
    bodyUnitId = input.bodyUnitId;
    refDate = todayVn();
    if (input.deadline < refDate) throw invalidField('deadline', 'thời hạn đã qua', 'the deadline has passed');
  }
  await access.authorize(db, actor, { action: 'registration.draft', unitId: input.unitId, asOf: refDate });
  if (!(await orgUnits.unitsBelow(db, bodyUnitId, [input.unitId], refDate)).has(input.unitId)) {
    throw invalidField(input.planId !== undefined ? 'planId' : 'bodyUnitId',
      'đơn vị đăng ký phải trực thuộc đơn vị nhận đăng ký', 'the registering unit must be below the body it registers with');
  }
  const now = new Date().toISOString();
  const id = await repo.insertRegistration(db, {
    unit_id: input.unitId, body_unit_id: bodyUnitId, plan_id: input.planId ?? null, status: 'draft', title: input.title,
    title_search: fold(input.title), description: input.description ?? null, target: input.target, deadline: input.deadline,
    responsible_person: input.responsiblePerson, latest_percent: null, ref_date: refDate, submitted_at: null, approved_at: null,
    resolved_on: null, created_by: actor?.kind === 'user' ? actor.userId : null, created_at: now, updated_at: now,
  });
  await audit.record(db, actor, { entity: 'registration', entityId: id, action: 'create', unitId: input.unitId, after: { ...input, bodyUnitId } });
  return getRegistration(db, actor, id);
}

export async function updateRegistration(db: Db, actor: Actor | null, id: number, input: UpdateRegistrationInput): Promise<RegistrationView> {
  const row = await loadFor(db, actor, id, 'registration.draft', 'unit');
  requireStatus(row, ['draft', 'returned'], { vi: 'sửa', en: 'edit it' });
  if (input.deadline < row.ref_date) throw invalidField('deadline', `trước ngày ${formatVnDate(row.ref_date)}`, `before ${row.ref_date}`);
  await repo.updateRegistration(db, id, {
    title: input.title, title_search: fold(input.title), description: input.description ?? null, target: input.target,
    deadline: input.deadline, responsible_person: input.responsiblePerson, updated_at: new Date().toISOString(),
  });
  await audit.record(db, actor, {
    entity: 'registration', entityId: id, action: 'update', unitId: row.unit_id,
    before: { title: row.title, description: row.description, target: row.target, deadline: row.deadline, responsiblePerson: row.responsible_person },
    after: input,
  });
  return getRegistration(db, actor, id);
}

export async function deleteRegistration(db: Db, actor: Actor | null, id: number): Promise<void> {
  const row = await loadFor(db, actor, id, 'registration.draft', 'unit');
  requireStatus(row, ['draft'], { vi: 'xóa', en: 'delete it' });
  await repo.deleteRegistration(db, id);
  await audit.record(db, actor, { entity: 'registration', entityId: id, action: 'delete', unitId: row.unit_id, before: { title: row.title, status: row.status } });
}

/** One step of the workflow: check side and status, move, record the entry, audit. */
async function step(
  db: Db, actor: Actor | null, id: number,
  s: { action: Action; side: 'unit' | 'body'; from: RegistrationStatus[]; to: RegistrationStatus; entry: string; what: { vi: string; en: string };
    text?: string | null; percent?: number | null; reportedOn?: string | null; patch?: (row: Row, now: string) => Parameters<typeof repo.updateRegistration>[2] },
): Promise<{ row: Row; entryId: number }> {
  const row = await loadFor(db, actor, id, s.action, s.side);
  requireStatus(row, s.from, s.what);
  const now = new Date().toISOString();
  await repo.updateRegistration(db, id, { status: s.to, updated_at: now, ...(s.patch ? s.patch(row, now) : {}) });
  const entryId = await repo.insertEntry(db, {
    registrationId: id, kind: s.entry, text: s.text ?? null, percent: s.percent ?? null, reportedOn: s.reportedOn ?? null, ...actorFields(actor), at: now,
  });
  await audit.record(db, actor, {
    entity: 'registration', entityId: id, action: s.entry, unitId: s.side === 'unit' ? row.unit_id : row.body_unit_id,
    before: { status: row.status }, after: { status: s.to, text: s.text ?? null, percent: s.percent ?? null },
  });
  return { row, entryId };
}

export async function submit(db: Db, actor: Actor | null, id: number) {
  await step(db, actor, id, {
    action: 'registration.draft', side: 'unit', from: ['draft', 'returned'], to: 'submitted', entry: 'submit',
    what: { vi: 'gửi', en: 'submit it' }, patch: (_row, now) => ({ submitted_at: now }),
  });
  return getRegistration(db, actor, id);
}

export async function approve(db: Db, actor: Actor | null, id: number, comment: string | null) {
  await step(db, actor, id, {
    action: 'registration.review', side: 'body', from: ['submitted'], to: 'in_progress', entry: 'approve', text: comment,
    what: { vi: 'duyệt', en: 'approve it' }, patch: (_row, now) => ({ approved_at: now }),
  });
  return getRegistration(db, actor, id);
}

export async function returnForRevision(db: Db, actor: Actor | null, id: number, comment: string) {
  await step(db, actor, id, {
    action: 'registration.review', side: 'body', from: ['submitted'], to: 'returned', entry: 'return', text: comment,
    what: { vi: 'trả lại', en: 'return it' },
  });
  return getRegistration(db, actor, id);
}

export async function postProgress(db: Db, actor: Actor | null, id: number, input: RegistrationProgressInput) {
  const reportedOn = input.reportedOn ?? todayVn();
  if (reportedOn > todayVn()) throw invalidField('reportedOn', 'không được ở tương lai', 'cannot be in the future');
  const current = await loadVisible(db, actor, id);
  if (reportedOn < current.ref_date) throw invalidField('reportedOn', `trước ngày ${formatVnDate(current.ref_date)}`, `before ${current.ref_date}`);
  await step(db, actor, id, {
    action: 'registration.draft', side: 'unit', from: ['in_progress'], to: 'in_progress', entry: 'progress',
    text: input.narrative, percent: input.percent, reportedOn, what: { vi: 'cập nhật tiến độ', en: 'post progress' },
    patch: () => ({ latest_percent: input.percent }),
  });
  return getRegistration(db, actor, id);
}

export async function submitResolution(db: Db, actor: Actor | null, id: number, narrative: string) {
  await step(db, actor, id, {
    action: 'registration.draft', side: 'unit', from: ['in_progress'], to: 'resolution_submitted', entry: 'resolution',
    text: narrative, what: { vi: 'báo cáo kết quả giải quyết', en: 'report the resolution' },
  });
  return getRegistration(db, actor, id);
}

export async function confirmResolved(db: Db, actor: Actor | null, id: number, comment: string | null) {
  await step(db, actor, id, {
    action: 'registration.review', side: 'body', from: ['resolution_submitted'], to: 'resolved', entry: 'confirm', text: comment,
    what: { vi: 'xác nhận đã giải quyết', en: 'confirm it resolved' }, patch: () => ({ resolved_on: todayVn(), latest_percent: 100 }),
  });
  return getRegistration(db, actor, id);
}

export async function reopen(db: Db, actor: Actor | null, id: number, comment: string) {
  await step(db, actor, id, {
    action: 'registration.review', side: 'body', from: ['resolution_submitted'], to: 'in_progress', entry: 'reopen', text: comment,
    what: { vi: 'yêu cầu tiếp tục giải quyết', en: 'reopen it' },
  });
  return getRegistration(db, actor, id);
}

/** Evidence on a progress or resolution entry, by the registering unit while the registration is open. */
export async function attachEvidence(
  db: Db, store: FileStore, actor: Actor | null, id: number, entryId: number, uploads: Array<{ bytes: Buffer; filename: string }>,
): Promise<RegistrationView> {
  const row = await loadFor(db, actor, id, 'registration.draft', 'unit');
  const entry = await repo.findEntry(db, entryId);
  if (!entry || entry.registration_id !== id) throw new NotFoundError('registration_entry', entryId);
  if (entry.kind !== 'progress' && entry.kind !== 'resolution') {
    throw invalidField('entryId', 'chỉ đính kèm minh chứng vào cập nhật tiến độ hoặc báo cáo kết quả', 'evidence goes on a progress or resolution entry');
  }
  requireStatus(row, OPEN_STATUSES, { vi: 'đính kèm minh chứng', en: 'attach evidence' });
  for (const [i, upload] of uploads.entries()) {
    const stored = await files.storeUpload(db, store, actor, {
      bytes: upload.bytes, originalName: upload.filename, purpose: 'registration_evidence', unitId: row.unit_id,
      allowed: files.DOCUMENT_KINDS, maxBytes: EVIDENCE_MAX_BYTES, field: `files.${i}`,
    });
    await repo.linkFile(db, entryId, stored.id);
  }
  await audit.record(db, actor, { entity: 'registration', entityId: id, action: 'attach', unitId: row.unit_id, after: { entryId, files: uploads.map((u) => u.filename) } });
  return getRegistration(db, actor, id);
}

export async function readEvidence(db: Db, store: FileStore, actor: Actor | null, id: number, entryId: number, fileId: number) {
  await loadVisible(db, actor, id);
  const entry = await repo.findEntry(db, entryId);
  if (!entry || entry.registration_id !== id || !(await repo.fileLinked(db, entryId, fileId))) throw new NotFoundError('file', fileId);
  const { row, bytes } = await files.readStored(db, store, fileId);
  return { bytes, name: row.original_name, mimeType: row.mime_type };
}
