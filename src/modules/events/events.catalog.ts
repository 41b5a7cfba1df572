/**
 * Permission-matrix and fuzzing entries for milestone events (see src/test/route-catalog.ts):
 * read along the line of the organizing unit (event.read), recorded by it (event.manage).
 */
import { SYSTEM_CLI } from '../../core/actor';
import { multipartFile, type CatalogEntry } from '../../test/catalog-entry';
import type { CatalogFixtures } from '../../test/catalog-fixtures';
import { fuzzAtOwnUnit } from '../../test/plan-fixtures';
import { TINY_PDF } from '../../test/document-fixtures';
import type { CreateEventInput } from './events.contract';
import * as events from './events.service';

const body = (fx: CatalogFixtures, organizerUnitId: number): CreateEventInput => ({
  organizerUnitId, kind: 'hoi_nghi', title: `Hội nghị ${fx.unique('')}`, heldOn: fx.today, venue: 'Hội trường', participants: 'Cán bộ chủ chốt',
  participantCount: 120, outcome: null, planId: null, taskId: null, documentIds: [],
});

const newEvent = async (fx: CatalogFixtures, unitId: number) => (await fx.write((tx) => events.createEvent(tx, SYSTEM_CLI, body(fx, unitId)))).id;
const eventOf = (fx: CatalogFixtures, unitId: number) => fx.cached(`event@${unitId}`, () => newEvent(fx, unitId));
const fileOf = (fx: CatalogFixtures, unitId: number) => fx.cached(`event-file@${unitId}`, async () => {
  const id = await eventOf(fx, unitId);
  const view = await fx.write((tx) => events.attachFiles(tx, fx.fileStore, SYSTEM_CLI, id, [{ bytes: TINY_PDF, filename: 'bao-cao.pdf' }]));
  return { id, fileId: view.files[0].id };
});

export const eventsCatalog: CatalogEntry[] = fuzzAtOwnUnit([
  {
    method: 'GET', url: '/api/v1/events',
    probes: [{ kind: 'signed-in', status: 200, request: () => ({ query: { kind: 'hoi_nghi' } }) }],
  },
  {
    method: 'POST', url: '/api/v1/events',
    probes: [{ kind: 'unit', action: 'event.manage', request: (fx, { target }) => ({ body: body(fx, target) }) }],
  },
  {
    method: 'GET', url: '/api/v1/events/:id',
    probes: [{ kind: 'unit', action: 'event.read', request: async (fx, { target }) => ({ params: { id: await eventOf(fx, target) } }) }],
  },
  {
    method: 'PUT', url: '/api/v1/events/:id',
    probes: [{
      kind: 'unit', action: 'event.manage',
      request: async (fx, { target }) => {
        const { organizerUnitId: _unit, ...rest } = body(fx, target);
        return { params: { id: await eventOf(fx, target) }, body: rest };
      },
    }],
  },
  {
    method: 'DELETE', url: '/api/v1/events/:id',
    probes: [{ kind: 'unit', action: 'event.manage', request: async (fx, { target }) => ({ params: { id: await newEvent(fx, target) } }) }],
  },
  {
    method: 'POST', url: '/api/v1/events/:id/files',
    probes: [{ kind: 'unit', action: 'event.manage', request: async (fx, { target }) => ({ params: { id: await eventOf(fx, target) }, raw: multipartFile('files', 'bao-cao.pdf', TINY_PDF) }) }],
  },
  {
    method: 'GET', url: '/api/v1/events/:id/files/:fileId',
    probes: [{ kind: 'unit', action: 'event.read', request: async (fx, { target }) => ({ params: await fileOf(fx, target) }) }],
  },
]);
