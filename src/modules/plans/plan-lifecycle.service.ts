/**
 * A plan's life: draft → issued (frozen as version 1, with its own registry document) → closed.
 * An issued plan changes only through an amendment: opened, edited as a working copy while the
 * issued version stays in force, then issued as the next version (or discarded). Versions are
 * listed and compared; none is ever changed.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { formatVnDate, todayVn } from '../../core/dates';
import { ConflictError, NotFoundError, invalidField } from '../../core/errors';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import { assignedUnitIds, compareContents, contentToTaskInput, type PlanContent } from './plan-content';
import * as registry from '../documents/documents.service';
import { loadPlanFor, loadReadablePlan } from './plan-access';
import { parsePlanNumber } from './plan-number';
import { contentToWrite, headerColumns, loadIssuedContent, loadVersionContent, loadWorkingContent, writeWorkingCopy } from './plan-store';
import { checkReadyToIssue, validateContent } from './plan-validation';
import { presentPlan } from './plan-view';
import type { CloseInput, IssueAmendmentInput, IssueInput, PlanComparison, PlanView } from './plans.contract';
import * as repo from './plans.repository';
import type { PlanRow } from './plans.repository';
import { getPlan, issuedTaskIds } from './plans.service';

type Db = Kysely<Database>;

const userId = (actor: Actor | null) => (actor?.kind === 'user' ? actor.userId : null);

/** Check the content again on the day it is issued: units must exist and sit where the plan says then. */
async function recheckOn(db: Db, plan: PlanRow, content: PlanContent, day: string): Promise<void> {
  const { tasks, ...header } = content;
  await validateContent(db, {
    issuerUnitId: plan.issuer_unit_id, refDate: day, liveTaskIds: new Set(tasks.map((t) => t.id)),
    parentPlanTaskIds: await issuedTaskIds(db, plan.parent_plan_id),
  }, { ...header, concretizeDueOn: header.concretizeDueOn, taskGroups: contentToTaskInput(tasks) });
}

/**
 * The plan's registry document (or an amendment's, issued under its own number), through the
 * documents module. An entry already registered under the number is completed (it came from a
 * citation), unless it is another plan's document or another unit's: then the number is taken.
 */
async function registerDocument(
  db: Db, actor: Actor | null, plan: PlanRow, content: PlanContent, rawNumber: string, issuedOn: string, extraLinks: number[] = [],
) {
  const number = parsePlanNumber(rawNumber);
  const existingId = await registry.documentIdByNumber(db, number.text);
  if (existingId !== null) {
    const existing = (await registry.documentSummaries(db, [existingId])).get(existingId);
    if ((await repo.planUsingDocument(db, existingId)) !== null || (existing?.issuerUnitId != null && existing.issuerUnitId !== plan.issuer_unit_id)) {
      throw new ConflictError({ vi: `Số văn bản ${number.text} đã được dùng`, en: `Number ${number.text} is already in use` }, { field: 'number' }, 'duplicate_number');
    }
  }
  const document = await registry.registerIssuedDocument(db, actor, {
    kind: 'ke_hoach', number: number.text, issuerUnitId: plan.issuer_unit_id, issuerName: content.issuingBody, issuedOn,
    title: content.title, ...(content.purposes[0] ? { summary: content.purposes[0].slice(0, 2000) } : {}),
    links: [
      ...content.implementsDocumentIds.map((toDocumentId) => ({ kind: 'implements' as const, toDocumentId })),
      ...extraLinks.map((toDocumentId) => ({ kind: 'amends' as const, toDocumentId })),
    ],
  });
  return { documentId: document.id, number: number.text };
}

export async function issuePlan(db: Db, actor: Actor | null, planId: number, input: IssueInput): Promise<PlanView> {
  const plan = await loadPlanFor(db, actor, planId, 'plan.issue');
  if (plan.status !== 'draft') {
    throw new ConflictError({ vi: 'Kế hoạch đã được ban hành', en: 'The plan has already been issued' }, undefined, 'plan_already_issued');
  }
  await access.authorize(db, actor, { action: 'plan.issue', unitId: plan.issuer_unit_id, asOf: input.issuedOn });
  const now = new Date().toISOString();
  const content = await loadWorkingContent(db, plan);
  if (plan.parent_plan_id !== null) {
    const parent = (await repo.findPlan(db, plan.parent_plan_id))!;
    if (parent.issued_on && input.issuedOn < parent.issued_on) {
      throw invalidField('issuedOn', `trước ngày ban hành kế hoạch cấp trên (${formatVnDate(parent.issued_on)})`, `before the superior plan was issued (${parent.issued_on})`);
    }
    // A child plan always implements its superior plan.
    if (parent.document_id !== null && !content.implementsDocumentIds.includes(parent.document_id)) {
      content.implementsDocumentIds = [parent.document_id, ...content.implementsDocumentIds];
      await repo.setDocuments(db, plan.id, content.implementsDocumentIds);
    }
  }
  checkReadyToIssue(content, input.issuedOn);
  await recheckOn(db, plan, content, input.issuedOn);
  const { documentId, number } = await registerDocument(db, actor, plan, content, input.number, input.issuedOn);
  await repo.markTasksIssued(db, plan.id, 1);
  await repo.insertVersion(db, {
    planId: plan.id, version: 1, kind: 'issue', reason: null, documentId, issuedOn: input.issuedOn,
    snapshotJson: JSON.stringify(content), createdBy: userId(actor), createdAt: now,
  });
  await repo.updatePlan(db, plan.id, {
    status: 'issued', issued_on: input.issuedOn, ref_date: input.issuedOn, current_version: 1, document_id: documentId, updated_at: now,
  });
  await repo.setAssignedUnits(db, plan.id, assignedUnitIds(content));
  await audit.record(db, actor, {
    entity: 'plan', entityId: plan.id, action: 'issue', unitId: plan.issuer_unit_id,
    after: { number, issuedOn: input.issuedOn, version: 1, documentId },
  });
  return getPlan(db, actor, plan.id);
}

function requireIssued(plan: PlanRow, amendmentOpen: boolean): void {
  if (plan.status !== 'issued') {
    throw new ConflictError({
      vi: plan.status === 'draft' ? 'Kế hoạch chưa ban hành' : 'Kế hoạch đã kết thúc',
      en: plan.status === 'draft' ? 'The plan has not been issued' : 'The plan is closed',
    }, undefined, plan.status === 'draft' ? 'plan_not_issued' : 'plan_closed');
  }
  if ((plan.amendment_open === 1) !== amendmentOpen) {
    throw new ConflictError(amendmentOpen
      ? { vi: 'Kế hoạch không có lần sửa đổi nào đang mở', en: 'The plan has no open amendment' }
      : { vi: 'Kế hoạch đang có một lần sửa đổi, bổ sung chưa ban hành', en: 'The plan already has an open amendment' },
    undefined, amendmentOpen ? 'no_open_amendment' : 'amendment_open');
  }
}

export async function openAmendment(db: Db, actor: Actor | null, planId: number): Promise<PlanView> {
  const plan = await loadPlanFor(db, actor, planId, 'plan.draft');
  requireIssued(plan, false);
  await repo.updatePlan(db, plan.id, { amendment_open: 1, updated_at: new Date().toISOString() });
  await audit.record(db, actor, { entity: 'plan', entityId: plan.id, action: 'amendment_open', unitId: plan.issuer_unit_id, after: { fromVersion: plan.current_version } });
  return getPlan(db, actor, plan.id);
}

/** Throw away the open amendment: the working copy returns to the issued version. */
export async function discardAmendment(db: Db, actor: Actor | null, planId: number): Promise<PlanView> {
  const plan = await loadPlanFor(db, actor, planId, 'plan.draft');
  requireIssued(plan, true);
  const issued = (await loadIssuedContent(db, plan))!;
  const discarded = await loadWorkingContent(db, plan);
  const now = new Date().toISOString();
  const restored = contentToWrite(issued);
  await repo.updatePlan(db, plan.id, { ...headerColumns(restored.header), amendment_open: 0, updated_at: now });
  await writeWorkingCopy(db, plan, restored, now);
  await audit.record(db, actor, { entity: 'plan', entityId: plan.id, action: 'amendment_discard', unitId: plan.issuer_unit_id, before: discarded });
  return getPlan(db, actor, plan.id);
}

export async function issueAmendment(db: Db, actor: Actor | null, planId: number, input: IssueAmendmentInput): Promise<PlanView> {
  const plan = await loadPlanFor(db, actor, planId, 'plan.issue');
  requireIssued(plan, true);
  const last = (await repo.findVersion(db, plan.id, plan.current_version))!;
  if (input.issuedOn < last.issued_on) {
    throw invalidField('issuedOn', `trước ngày ban hành phiên bản ${last.version} (${formatVnDate(last.issued_on)})`, `before version ${last.version} was issued (${last.issued_on})`);
  }
  const content = await loadWorkingContent(db, plan);
  const previous = JSON.parse(last.snapshot_json) as PlanContent;
  const diff = compareContents(last.version, previous, last.version + 1, content);
  if (!diff.fields.length && !diff.tasksAdded.length && !diff.tasksRemoved.length && !diff.tasksChanged.length) {
    throw new ConflictError({ vi: 'Lần sửa đổi chưa thay đổi gì so với bản đang có hiệu lực', en: 'The amendment changes nothing in the version in force' }, undefined, 'amendment_empty');
  }
  checkReadyToIssue(content, input.issuedOn, plan.issued_on!);
  await recheckOn(db, plan, content, input.issuedOn);
  const now = new Date().toISOString();
  let documentId: number | null = null;
  if (input.number) {
    const registered = await registerDocument(db, actor, plan, content, input.number, input.issuedOn, plan.document_id === null ? [] : [plan.document_id]);
    documentId = registered.documentId;
  }
  const version = plan.current_version + 1;
  await repo.markTasksIssued(db, plan.id, version);
  await repo.insertVersion(db, {
    planId: plan.id, version, kind: 'amendment', reason: input.reason, documentId, issuedOn: input.issuedOn,
    snapshotJson: JSON.stringify(content), createdBy: userId(actor), createdAt: now,
  });
  await repo.updatePlan(db, plan.id, { current_version: version, amendment_open: 0, updated_at: now });
  await repo.setAssignedUnits(db, plan.id, assignedUnitIds(content));
  await audit.record(db, actor, {
    entity: 'plan', entityId: plan.id, action: 'amendment_issue', unitId: plan.issuer_unit_id,
    after: { version, reason: input.reason, issuedOn: input.issuedOn, documentId, changes: diff },
  });
  return getPlan(db, actor, plan.id);
}

export async function closePlan(db: Db, actor: Actor | null, planId: number, input: CloseInput): Promise<PlanView> {
  const plan = await loadPlanFor(db, actor, planId, 'plan.issue');
  requireIssued(plan, false);
  if (input.closedOn < plan.issued_on!) {
    throw invalidField('closedOn', `trước ngày ban hành (${formatVnDate(plan.issued_on!)})`, `before the plan was issued (${plan.issued_on})`);
  }
  if (input.closedOn > todayVn()) throw invalidField('closedOn', 'không được ở tương lai', 'cannot be in the future');
  await repo.updatePlan(db, plan.id, { status: 'closed', closed_on: input.closedOn, updated_at: new Date().toISOString() });
  await audit.record(db, actor, { entity: 'plan', entityId: plan.id, action: 'close', unitId: plan.issuer_unit_id, after: { closedOn: input.closedOn, note: input.note } });
  return getPlan(db, actor, plan.id);
}

export async function listVersions(db: Db, actor: Actor | null, planId: number) {
  await loadReadablePlan(db, actor, planId);
  const rows = await repo.listVersions(db, planId);
  return rows.map((r) => ({
    version: r.version, kind: r.kind as 'issue' | 'amendment', reason: r.reason, issuedOn: r.issued_on,
    number: r.number_text, createdAt: r.created_at, createdBy: r.display_name,
  }));
}

export async function getVersion(db: Db, actor: Actor | null, planId: number, version: number): Promise<PlanView> {
  const plan = await loadReadablePlan(db, actor, planId);
  const content = await loadVersionContent(db, planId, version);
  if (!content) throw new NotFoundError('plan_version', `${planId}/${version}`);
  return presentPlan(db, actor, plan, content, 'issued');
}

export async function compareVersions(db: Db, actor: Actor | null, planId: number, from: number, to: number): Promise<PlanComparison> {
  await loadReadablePlan(db, actor, planId);
  const [a, b] = await Promise.all([loadVersionContent(db, planId, from), loadVersionContent(db, planId, to)]);
  if (!a) throw new NotFoundError('plan_version', `${planId}/${from}`);
  if (!b) throw new NotFoundError('plan_version', `${planId}/${to}`);
  return compareContents(from, a, to, b);
}
