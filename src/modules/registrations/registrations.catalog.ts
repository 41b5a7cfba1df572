/**
 * Permission-matrix and fuzzing entries for focus-issue registrations (see src/test/route-catalog.ts).
 * The registering unit drafts, submits, reports (registration.draft); the body it registered with
 * reviews (registration.review); submitted ones are read along the line (registration.read).
 */
import { SYSTEM_CLI } from '../../core/actor';
import { addDays } from '../../core/dates';
import { multipartFile, type CatalogEntry } from '../../test/catalog-entry';
import type { CatalogFixtures } from '../../test/catalog-fixtures';
import { fuzzAtOwnUnit, fuzzChildUnit } from '../../test/plan-fixtures';
import { TINY_PDF } from '../../test/document-fixtures';
import * as registrations from './registrations.service';

type Stage = 'draft' | 'submitted' | 'in_progress' | 'resolution_submitted';

/** A registration of `unitId` with `bodyUnitId` (a unit above it), taken to the given stage. */
async function newRegistration(fx: CatalogFixtures, unitId: number, bodyUnitId: number, stage: Stage): Promise<number> {
  const a = SYSTEM_CLI;
  const created = await fx.write((tx) => registrations.createRegistration(tx, a, {
    unitId, bodyUnitId, title: `Vấn đề ${fx.unique('')}`, description: null, target: 'Giải quyết xong', deadline: addDays(fx.today, 90),
    responsiblePerson: 'Bí thư',
  }));
  if (stage !== 'draft') await fx.write((tx) => registrations.submit(tx, a, created.id));
  if (stage === 'in_progress' || stage === 'resolution_submitted') await fx.write((tx) => registrations.approve(tx, a, created.id, null));
  if (stage === 'resolution_submitted') await fx.write((tx) => registrations.submitResolution(tx, a, created.id, 'Đã giải quyết'));
  return created.id;
}

/** The body a target registers with: the city (above every unit the matrix targets). */
const asUnit = (fx: CatalogFixtures, target: number, stage: Stage) => newRegistration(fx, target, fx.tree.city, stage);
/** A unit below the target that registers with it (the target is the body). */
const below = (fx: CatalogFixtures, target: number) => fx.cached(`registering-unit@${target}`, () => fx.freshUnit(target));
const asBody = async (fx: CatalogFixtures, target: number, stage: Stage) => newRegistration(fx, await below(fx, target), target, stage);

const cachedAsUnit = (fx: CatalogFixtures, target: number, stage: Stage) => fx.cached(`registration-${stage}@${target}`, () => asUnit(fx, target, stage));
const progressEntryOf = (fx: CatalogFixtures, target: number) => fx.cached(`registration-entry@${target}`, async () => {
  const id = await asUnit(fx, target, 'in_progress');
  const view = await fx.write((tx) => registrations.postProgress(tx, SYSTEM_CLI, id, { percent: 20, narrative: 'Bắt đầu' }));
  return { id, entryId: view.entries.at(-1)!.id };
});
const evidenceOf = (fx: CatalogFixtures, target: number) => fx.cached(`registration-file@${target}`, async () => {
  const { id, entryId } = await progressEntryOf(fx, target);
  const view = await fx.write((tx) => registrations.attachEvidence(tx, fx.fileStore, SYSTEM_CLI, id, entryId, [{ bytes: TINY_PDF, filename: 'minh-chung.pdf' }]));
  return { id, entryId, fileId: view.entries.find((e) => e.id === entryId)!.files[0].id };
});

const entries: CatalogEntry[] = [
  {
    method: 'GET', url: '/api/v1/registrations',
    probes: [{ kind: 'signed-in', status: 200, request: () => ({ query: { view: 'pending' } }) }],
  },
  {
    method: 'POST', url: '/api/v1/registrations',
    probes: [{
      kind: 'unit', action: 'registration.draft',
      request: (fx, { target }) => ({
        body: { unitId: target, bodyUnitId: fx.tree.city, title: `Vấn đề ${fx.unique('')}`, target: 'Giải quyết xong', deadline: addDays(fx.today, 60), responsiblePerson: 'Bí thư' },
      }),
    }],
  },
  {
    method: 'GET', url: '/api/v1/registrations/:id',
    probes: [
      { kind: 'unit', action: 'registration.read', request: async (fx, { target }) => ({ params: { id: await cachedAsUnit(fx, target, 'submitted') } }) },
      { kind: 'unit', action: 'registration.read_draft', request: async (fx, { target }) => ({ params: { id: await cachedAsUnit(fx, target, 'draft') } }) },
    ],
  },
  {
    method: 'PUT', url: '/api/v1/registrations/:id',
    probes: [{
      kind: 'unit', action: 'registration.draft',
      request: async (fx, { target }) => ({
        params: { id: await cachedAsUnit(fx, target, 'draft') },
        body: { title: `Vấn đề sửa ${fx.unique('')}`, target: 'Giải quyết xong', deadline: addDays(fx.today, 30), responsiblePerson: 'Phó Bí thư' },
      }),
    }],
  },
  {
    method: 'DELETE', url: '/api/v1/registrations/:id',
    probes: [{ kind: 'unit', action: 'registration.draft', request: async (fx, { target }) => ({ params: { id: await asUnit(fx, target, 'draft') } }) }],
  },
  {
    method: 'POST', url: '/api/v1/registrations/:id/submit',
    probes: [{ kind: 'unit', action: 'registration.draft', request: async (fx, { target }) => ({ params: { id: await asUnit(fx, target, 'draft') } }) }],
  },
  {
    method: 'POST', url: '/api/v1/registrations/:id/approve',
    probes: [{ kind: 'unit', action: 'registration.review', request: async (fx, { target }) => ({ params: { id: await asBody(fx, target, 'submitted') }, body: {} }) }],
  },
  {
    method: 'POST', url: '/api/v1/registrations/:id/return',
    probes: [{ kind: 'unit', action: 'registration.review', request: async (fx, { target }) => ({ params: { id: await asBody(fx, target, 'submitted') }, body: { comment: 'Bổ sung mục tiêu' } }) }],
  },
  {
    method: 'POST', url: '/api/v1/registrations/:id/progress',
    probes: [{
      kind: 'unit', action: 'registration.draft',
      request: async (fx, { target }) => ({ params: { id: await cachedAsUnit(fx, target, 'in_progress') }, body: { percent: 40, narrative: `Tiến độ ${fx.unique('')}` } }),
    }],
  },
  {
    method: 'POST', url: '/api/v1/registrations/:id/resolution',
    probes: [{ kind: 'unit', action: 'registration.draft', request: async (fx, { target }) => ({ params: { id: await asUnit(fx, target, 'in_progress') }, body: { narrative: 'Đã giải quyết' } }) }],
  },
  {
    method: 'POST', url: '/api/v1/registrations/:id/confirm',
    probes: [{ kind: 'unit', action: 'registration.review', request: async (fx, { target }) => ({ params: { id: await asBody(fx, target, 'resolution_submitted') }, body: {} }) }],
  },
  {
    method: 'POST', url: '/api/v1/registrations/:id/reopen',
    probes: [{ kind: 'unit', action: 'registration.review', request: async (fx, { target }) => ({ params: { id: await asBody(fx, target, 'resolution_submitted') }, body: { comment: 'Chưa xong' } }) }],
  },
  {
    method: 'POST', url: '/api/v1/registrations/:id/entries/:entryId/files',
    probes: [{
      kind: 'unit', action: 'registration.draft',
      request: async (fx, { target }) => {
        const { id, entryId } = await progressEntryOf(fx, target);
        return { params: { id, entryId }, raw: multipartFile('files', 'minh-chung.pdf', TINY_PDF) };
      },
    }],
  },
  {
    method: 'GET', url: '/api/v1/registrations/:id/entries/:entryId/files/:fileId',
    probes: [{
      kind: 'unit', action: 'registration.read',
      request: async (fx, { target }) => ({ params: await evidenceOf(fx, target) }),
    }],
  },
];

/**
 * For the fuzzer: what the registering unit does is aimed at a unit below the fuzzer's own (it
 * needs a body above it); what the body does is aimed at the fuzzer's own unit.
 */
export const registrationsCatalog: CatalogEntry[] = fuzzAtOwnUnit(entries.map((entry) => {
  const probe = entry.probes[0];
  if (probe.kind !== 'unit' || probe.action !== 'registration.draft') return entry;
  return {
    ...entry,
    fuzzOutcome: 'success' as const,
    fuzz: async (fx, me) => {
      const unit = await fuzzChildUnit(fx, me, 'reporter');
      return probe.request(fx, { target: unit, grantUnit: unit, relation: 'self' });
    },
  };
}));
