/**
 * Permission-matrix and fuzzing entries for the plan routes (see src/test/route-catalog.ts).
 * Issued plans are read along the line (plan.read), unissued work only at the unit
 * (plan.read_draft); drafting, issuing, coverage and progress are checked at the unit named.
 */
import { SYSTEM_CLI } from '../../core/actor';
import { multipartFile, type CatalogEntry } from '../../test/catalog-entry';
import type { CatalogFixtures } from '../../test/catalog-fixtures';
import { fuzzAtOwnUnit, fuzzChildUnit } from '../../test/plan-fixtures';
import { TINY_PDF } from '../../test/document-fixtures';
import * as lifecycle from './plan-lifecycle.service';
import * as progress from './plan-progress.service';
import type { CreatePlanInput } from './plans.contract';
import * as plans from './plans.service';

const year = (fx: CatalogFixtures) => Number(fx.today.slice(0, 4));

/** A small valid plan of the unit: one group, one task the unit leads. */
export function planBody(fx: CatalogFixtures, issuerUnitId: number): CreatePlanInput {
  return {
    issuerUnitId, title: `Kế hoạch thử nghiệm ${fx.unique('')}`, issuingBody: 'Ban Thường vụ', year: year(fx), place: 'Hải Phòng',
    purposes: ['Mục đích'], requirements: [], implementation: [], implementsDocumentIds: [], requiredUnitIds: [], concretizeDueOn: null,
    signerCapacity: null, signerTitle: null, signerName: null, recipients: [],
    taskGroups: [{ title: 'Nhóm nhiệm vụ', tasks: [{ title: 'Nhiệm vụ', leadUnitId: issuerUnitId }] }],
  };
}

const content = (fx: CatalogFixtures, unitId: number) => {
  const { issuerUnitId: _unit, ...rest } = planBody(fx, unitId);
  return rest;
};

const newDraft = async (fx: CatalogFixtures, unitId: number) =>
  (await fx.write((tx) => plans.createPlan(tx, SYSTEM_CLI, planBody(fx, unitId)))).id;

async function newIssued(fx: CatalogFixtures, unitId: number) {
  const id = await newDraft(fx, unitId);
  return fx.write((tx) => lifecycle.issuePlan(tx, SYSTEM_CLI, id, { number: `${fx.unique('')}-KH/KT`, issuedOn: fx.today }));
}

async function newAmending(fx: CatalogFixtures, unitId: number, changed: boolean) {
  const plan = await newIssued(fx, unitId);
  await fx.write((tx) => lifecycle.openAmendment(tx, SYSTEM_CLI, plan.id));
  if (changed) {
    await fx.write((tx) => plans.updatePlan(tx, SYSTEM_CLI, plan.id, {
      ...content(fx, unitId), title: `${plan.title} (sửa đổi)`,
      taskGroups: [{ id: plan.tasks[0].id, title: plan.tasks[0].title, tasks: [{ id: plan.tasks[1].id, title: plan.tasks[1].title, leadUnitId: unitId }] }],
    }));
  }
  return plan.id;
}

/** Made once per unit and reused. */
const draftOf = (fx: CatalogFixtures, unitId: number) => fx.cached(`plan-draft@${unitId}`, () => newDraft(fx, unitId));
const issuedOf = (fx: CatalogFixtures, unitId: number) => fx.cached(`plan-issued@${unitId}`, () => newIssued(fx, unitId));
const amendedOf = (fx: CatalogFixtures, unitId: number) => fx.cached(`plan-v2@${unitId}`, async () => {
  const id = await newAmending(fx, unitId, true);
  await fx.write((tx) => lifecycle.issueAmendment(tx, SYSTEM_CLI, id, { reason: 'Bổ sung', issuedOn: fx.today }));
  return id;
});
const progressOf = (fx: CatalogFixtures, unitId: number) => fx.cached(`plan-progress@${unitId}`, async () => {
  const plan = await issuedOf(fx, unitId);
  const posted = await fx.write((tx) => progress.postProgress(tx, SYSTEM_CLI, plan.id, plan.tasks[1].id, { percent: 30, narrative: 'Đang thực hiện' }));
  return { planId: plan.id, progressId: posted.id };
});
const evidenceOf = (fx: CatalogFixtures, unitId: number) => fx.cached(`plan-evidence@${unitId}`, async () => {
  const { planId, progressId } = await progressOf(fx, unitId);
  const view = await fx.write((tx) => progress.attachEvidence(tx, fx.fileStore, SYSTEM_CLI, planId, progressId, [{ bytes: TINY_PDF, filename: 'minh-chung.pdf' }]));
  return { planId, progressId, fileId: view.files[0].id };
});

const issuedPlanParams = async (fx: CatalogFixtures, { target }: { target: number }) => ({ params: { id: (await issuedOf(fx, target)).id } });

export const plansCatalog: CatalogEntry[] = fuzzAtOwnUnit([
  {
    method: 'GET', url: '/api/v1/plans',
    // The list is filtered to what the caller may see: everyone signed in gets 200.
    probes: [{ kind: 'signed-in', status: 200, request: (fx) => ({ query: { year: year(fx), q: 'ke hoach' } }) }],
  },
  {
    method: 'POST', url: '/api/v1/plans',
    probes: [{ kind: 'unit', action: 'plan.draft', request: (fx, { target }) => ({ body: planBody(fx, target) }) }],
  },
  {
    method: 'GET', url: '/api/v1/plans/:id',
    probes: [
      { kind: 'unit', action: 'plan.read', request: issuedPlanParams },
      { kind: 'unit', action: 'plan.read_draft', request: async (fx, { target }) => ({ params: { id: await draftOf(fx, target) } }) },
    ],
  },
  {
    method: 'PUT', url: '/api/v1/plans/:id',
    probes: [{ kind: 'unit', action: 'plan.draft', request: async (fx, { target }) => ({ params: { id: await draftOf(fx, target) }, body: content(fx, target) }) }],
  },
  {
    method: 'DELETE', url: '/api/v1/plans/:id',
    probes: [{ kind: 'unit', action: 'plan.draft', request: async (fx, { target }) => ({ params: { id: await newDraft(fx, target) } }) }],
  },
  {
    method: 'POST', url: '/api/v1/plans/:id/issue',
    probes: [{
      kind: 'unit', action: 'plan.issue',
      request: async (fx, { target }) => ({ params: { id: await newDraft(fx, target) }, body: { number: `${fx.unique('')}-KH/KT`, issuedOn: fx.today } }),
    }],
  },
  {
    method: 'POST', url: '/api/v1/plans/:id/amendment',
    probes: [{ kind: 'unit', action: 'plan.draft', request: async (fx, { target }) => ({ params: { id: (await newIssued(fx, target)).id } }) }],
  },
  {
    method: 'DELETE', url: '/api/v1/plans/:id/amendment',
    probes: [{ kind: 'unit', action: 'plan.draft', request: async (fx, { target }) => ({ params: { id: await newAmending(fx, target, true) } }) }],
  },
  {
    method: 'POST', url: '/api/v1/plans/:id/amendment/issue',
    probes: [{
      kind: 'unit', action: 'plan.issue',
      request: async (fx, { target }) => ({ params: { id: await newAmending(fx, target, true) }, body: { reason: 'Bổ sung nhiệm vụ', issuedOn: fx.today } }),
    }],
  },
  {
    method: 'POST', url: '/api/v1/plans/:id/close',
    probes: [{ kind: 'unit', action: 'plan.issue', request: async (fx, { target }) => ({ params: { id: (await newIssued(fx, target)).id }, body: { closedOn: fx.today } }) }],
  },
  {
    method: 'GET', url: '/api/v1/plans/:id/export.docx',
    probes: [{ kind: 'unit', action: 'plan.read', request: issuedPlanParams }],
  },
  {
    method: 'GET', url: '/api/v1/plans/:id/versions',
    probes: [{ kind: 'unit', action: 'plan.read', request: issuedPlanParams }],
  },
  {
    method: 'GET', url: '/api/v1/plans/:id/versions/:version',
    probes: [{ kind: 'unit', action: 'plan.read', request: async (fx, { target }) => ({ params: { id: (await issuedOf(fx, target)).id, version: 1 } }) }],
  },
  {
    method: 'GET', url: '/api/v1/plans/:id/compare',
    probes: [{ kind: 'unit', action: 'plan.read', request: async (fx, { target }) => ({ params: { id: await amendedOf(fx, target) }, query: { from: 1, to: 2 } }) }],
  },
  {
    method: 'POST', url: '/api/v1/plans/:id/concretize',
    probes: [{
      // The target drafts its plan from its parent's issued plan (readable along the line from every
      // relation but "unrelated"); a new target each time, since a unit concretizes a plan once.
      kind: 'unit', action: 'plan.draft',
      freshTarget: (fx) => fx.freshUnit(fx.tree.districtA),
      request: async (fx, { target }) => ({ params: { id: (await issuedOf(fx, fx.tree.districtA)).id }, body: { unitId: target } }),
    }],
    // The fuzzer concretizes its own unit's plan as a unit below it where it drafts.
    fuzz: async (fx, me) => ({ params: { id: (await issuedOf(fx, me.unitId)).id }, body: { unitId: await fuzzChildUnit(fx, me, 'reporter') } }),
    fuzzOutcome: 'success',
  },
  {
    method: 'GET', url: '/api/v1/plans/:id/coverage',
    probes: [{ kind: 'unit', action: 'plan.coverage', request: issuedPlanParams }],
  },
  {
    method: 'GET', url: '/api/v1/plans/:id/tasks/:taskId/progress',
    probes: [{
      kind: 'unit', action: 'plan.read',
      request: async (fx, { target }) => {
        const plan = await issuedOf(fx, target);
        return { params: { id: plan.id, taskId: plan.tasks[1].id } };
      },
    }],
  },
  {
    method: 'POST', url: '/api/v1/plans/:id/tasks/:taskId/progress',
    probes: [{
      // The task is led by the target, in the target's own plan.
      kind: 'unit', action: 'plan.progress',
      request: async (fx, { target }) => {
        const plan = await issuedOf(fx, target);
        return { params: { id: plan.id, taskId: plan.tasks[1].id }, body: { percent: 50, narrative: `Cập nhật ${fx.unique('')}` } };
      },
    }],
  },
  {
    method: 'POST', url: '/api/v1/plans/:id/progress/:progressId/files',
    probes: [{
      kind: 'unit', action: 'plan.progress',
      request: async (fx, { target }) => {
        const { planId, progressId } = await progressOf(fx, target);
        return { params: { id: planId, progressId }, raw: multipartFile('files', 'minh-chung.pdf', TINY_PDF) };
      },
    }],
  },
  {
    method: 'GET', url: '/api/v1/plans/:id/progress/:progressId/files/:fileId',
    probes: [{
      kind: 'unit', action: 'plan.read',
      request: async (fx, { target }) => {
        const { planId, progressId, fileId } = await evidenceOf(fx, target);
        return { params: { id: planId, progressId, fileId } };
      },
    }],
  },
]);
