/**
 * Progress on a task of an issued plan: percent, narrative and evidence files, posted by the
 * people of the task's lead unit (as the issued version names it), read by whoever sees the plan.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { formatVnDate, todayVn } from '../../core/dates';
import { ConflictError, NotFoundError, invalidField } from '../../core/errors';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import type { FileStore } from '../files/file-store';
import * as files from '../files/files.service';
import { loadReadablePlan } from './plan-access';
import * as progressRepo from './plan-progress.repository';
import { loadIssuedContent } from './plan-store';
import type { ProgressInput, ProgressView } from './plans.contract';
import * as repo from './plans.repository';
import type { PlanRow } from './plans.repository';
import * as orgUnits from '../orgs/orgs.lookup';

type Db = Kysely<Database>;

export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

function requireOpenPlan(plan: PlanRow): void {
  if (plan.status === 'issued') return;
  throw new ConflictError(plan.status === 'draft'
    ? { vi: 'Kế hoạch chưa ban hành; chưa cập nhật tiến độ được', en: 'The plan has not been issued; progress cannot be posted yet' }
    : { vi: 'Kế hoạch đã kết thúc; không cập nhật tiến độ nữa', en: 'The plan is closed; progress can no longer be posted' },
  undefined, plan.status === 'draft' ? 'plan_not_issued' : 'plan_closed');
}

async function present(db: Db, rows: Awaited<ReturnType<typeof progressRepo.listProgress>>, asOf: string): Promise<ProgressView[]> {
  const attached = await progressRepo.filesOf(db, rows.map((r) => r.id));
  const names = await orgUnits.unitNames(db, rows.map((r) => r.unit_id), asOf);
  return rows.map((r) => ({
    id: r.id, taskId: r.task_id, unit: { id: r.unit_id, name: names.get(r.unit_id) ?? `#${r.unit_id}` },
    percent: r.percent, narrative: r.narrative, reportedOn: r.reported_on, createdAt: r.created_at, createdBy: r.display_name,
    files: attached.filter((f) => f.progress_id === r.id).map((f) => ({ id: f.id, name: f.original_name, mimeType: f.mime_type, sizeBytes: f.size_bytes })),
  }));
}

export async function postProgress(db: Db, actor: Actor | null, planId: number, taskId: number, input: ProgressInput): Promise<ProgressView> {
  const plan = await loadReadablePlan(db, actor, planId);
  requireOpenPlan(plan);
  const task = (await loadIssuedContent(db, plan))!.tasks.find((t) => t.id === taskId);
  if (!task) throw new NotFoundError('plan_task', taskId);
  if (task.leadUnitId === null) {
    throw new ConflictError({ vi: 'Nhiệm vụ chưa có đơn vị chủ trì để báo cáo tiến độ', en: 'The task has no lead unit to report its progress' }, undefined, 'no_lead_unit');
  }
  await access.authorize(db, actor, { action: 'plan.progress', unitId: task.leadUnitId, asOf: plan.ref_date });
  const reportedOn = input.reportedOn ?? todayVn();
  if (reportedOn < plan.issued_on!) {
    throw invalidField('reportedOn', `trước ngày ban hành kế hoạch (${formatVnDate(plan.issued_on!)})`, `before the plan was issued (${plan.issued_on})`);
  }
  if (reportedOn > todayVn()) throw invalidField('reportedOn', 'không được ở tương lai', 'cannot be in the future');
  const now = new Date().toISOString();
  const id = await progressRepo.insertProgress(db, {
    planId: plan.id, taskId, unitId: task.leadUnitId, percent: input.percent, narrative: input.narrative, reportedOn,
    createdBy: actor?.kind === 'user' ? actor.userId : null, now,
  });
  await audit.record(db, actor, {
    entity: 'plan_progress', entityId: id, action: 'create', unitId: task.leadUnitId,
    after: { planId: plan.id, taskId, percent: input.percent, narrative: input.narrative, reportedOn },
  });
  const [view] = await present(db, (await progressRepo.listProgress(db, taskId)).filter((r) => r.id === id), plan.ref_date);
  return view;
}

export async function listProgress(db: Db, actor: Actor | null, planId: number, taskId: number): Promise<ProgressView[]> {
  const plan = await loadReadablePlan(db, actor, planId);
  if ((await repo.taskPlanId(db, taskId)) !== plan.id) throw new NotFoundError('plan_task', taskId);
  return present(db, await progressRepo.listProgress(db, taskId), plan.ref_date);
}

async function loadProgress(db: Db, actor: Actor | null, planId: number, progressId: number) {
  const plan = await loadReadablePlan(db, actor, planId);
  const progress = await progressRepo.findProgress(db, progressId);
  if (!progress || progress.plan_id !== plan.id) throw new NotFoundError('plan_progress', progressId);
  return { plan, progress };
}

/** Attach evidence to an update: by the people of the unit that posted it, while the plan is open. */
export async function attachEvidence(
  db: Db, store: FileStore, actor: Actor | null, planId: number, progressId: number, uploads: Array<{ bytes: Buffer; filename: string }>,
): Promise<ProgressView> {
  const { plan, progress } = await loadProgress(db, actor, planId, progressId);
  requireOpenPlan(plan);
  await access.authorize(db, actor, { action: 'plan.progress', unitId: progress.unit_id, asOf: plan.ref_date });
  for (const [i, upload] of uploads.entries()) {
    const stored = await files.storeUpload(db, store, actor, {
      bytes: upload.bytes, originalName: upload.filename, purpose: 'plan_progress_evidence', unitId: progress.unit_id,
      allowed: files.DOCUMENT_KINDS, maxBytes: EVIDENCE_MAX_BYTES, field: `files.${i}`,
    });
    await progressRepo.linkFile(db, progress.id, stored.id);
  }
  await audit.record(db, actor, { entity: 'plan_progress', entityId: progress.id, action: 'attach', unitId: progress.unit_id, after: { files: uploads.map((u) => u.filename) } });
  const [view] = await present(db, (await progressRepo.listProgress(db, progress.task_id)).filter((r) => r.id === progress.id), plan.ref_date);
  return view;
}

export async function readEvidence(db: Db, store: FileStore, actor: Actor | null, planId: number, progressId: number, fileId: number) {
  const { progress } = await loadProgress(db, actor, planId, progressId);
  if (!(await progressRepo.fileLinked(db, progress.id, fileId))) throw new NotFoundError('file', fileId);
  const { row, bytes } = await files.readStored(db, store, fileId);
  return { bytes, name: row.original_name, mimeType: row.mime_type };
}
