/**
 * Permission-matrix and fuzzing entries for the document registry and citations (see
 * src/test/route-catalog.ts). Reading needs any grant (document.read, checked with no unit);
 * managing a document is document.manage at the unit that issued it, or anywhere for a document
 * issued outside our tree.
 */
import { SYSTEM_CLI } from '../../core/actor';
import { multipartFile, type CatalogEntry } from '../../test/catalog-entry';
import type { CatalogFixtures } from '../../test/catalog-fixtures';
import { TINY_PDF } from '../../test/document-fixtures';
import * as attachments from './document-attachments.service';
import * as links from './document-links.service';
import * as documents from './documents.service';

/** A new plan issued by the unit (null: a directive issued outside our tree). */
async function newDocument(fx: CatalogFixtures, issuerUnitId: number | null): Promise<number> {
  const title = `Kế hoạch thử nghiệm ${fx.unique('')}`;
  const input = issuerUnitId === null
    ? { kind: 'chi_thi' as const, issuerName: 'Bộ Chính trị', title, links: [] }
    : { kind: 'ke_hoach' as const, issuerUnitId, title, links: [] };
  return (await fx.write((tx) => documents.createDocument(tx, SYSTEM_CLI, input))).id;
}

/** One document per issuing unit, made once. */
const documentOf = (fx: CatalogFixtures, unitId: number | null) => fx.cached(`document@${unitId}`, () => newDocument(fx, unitId));

async function newAttachment(fx: CatalogFixtures, documentId: number): Promise<number> {
  const attached = await fx.write((tx) => attachments.attachFile(tx, fx.fileStore, SYSTEM_CLI, documentId, { bytes: TINY_PDF, filename: 'ban-ky.pdf', role: 'signed' }));
  return attached.fileId;
}

export const documentsCatalog: CatalogEntry[] = [
  {
    method: 'GET', url: '/api/v1/documents',
    probes: [{ kind: 'role', action: 'document.read', request: () => ({ query: { q: 'ke hoach', limit: 10 } }) }],
  },
  {
    method: 'POST', url: '/api/v1/documents',
    probes: [
      { kind: 'unit', action: 'document.manage', request: (fx, { target }) => ({ body: { kind: 'ke_hoach', issuerUnitId: target, title: `Kế hoạch ${fx.unique('')}` } }) },
      { kind: 'role', action: 'document.manage', request: (fx) => ({ body: { kind: 'chi_thi', issuerName: 'Ban Bí thư', title: `Chỉ thị ${fx.unique('')}` } }) },
    ],
  },
  {
    method: 'GET', url: '/api/v1/document-kinds',
    probes: [{ kind: 'role', action: 'document.read', request: () => ({}) }],
  },
  {
    method: 'GET', url: '/api/v1/document-numbers/check',
    probes: [{ kind: 'role', action: 'document.read', request: () => ({ query: { number: '05-CT/TW' } }) }],
  },
  {
    method: 'GET', url: '/api/v1/documents/:id',
    probes: [{ kind: 'role', action: 'document.read', request: async (fx) => ({ params: { id: await documentOf(fx, fx.tree.districtA) } }) }],
  },
  {
    method: 'PATCH', url: '/api/v1/documents/:id',
    probes: [{
      kind: 'unit', action: 'document.manage',
      request: async (fx, { target }) => ({ params: { id: await documentOf(fx, target) }, body: { summary: `Sửa lần ${fx.unique('')}` } }),
    }],
  },
  {
    method: 'DELETE', url: '/api/v1/documents/:id',
    probes: [{ kind: 'unit', action: 'document.manage', request: async (fx, { target }) => ({ params: { id: await newDocument(fx, target) } }) }],
  },
  {
    method: 'GET', url: '/api/v1/documents/:id/chain',
    probes: [{ kind: 'role', action: 'document.read', request: async (fx) => ({ params: { id: await documentOf(fx, fx.tree.districtA) }, query: { depth: 3 } }) }],
  },
  {
    method: 'POST', url: '/api/v1/documents/:id/links',
    probes: [{
      // From a document the target issued to a new one each time (a link is made once).
      kind: 'unit', action: 'document.manage',
      request: async (fx, { target }) => ({
        params: { id: await documentOf(fx, target) }, body: { kind: 'implements', toDocumentId: await newDocument(fx, null) },
      }),
    }],
  },
  {
    method: 'DELETE', url: '/api/v1/documents/:id/links/:linkId',
    probes: [{
      kind: 'unit', action: 'document.manage',
      request: async (fx, { target }) => {
        const from = await documentOf(fx, target);
        const to = await newDocument(fx, null);
        const link = await fx.write((tx) => links.addLink(tx, SYSTEM_CLI, from, { kind: 'related', toDocumentId: to }));
        return { params: { id: from, linkId: link.id } };
      },
    }],
  },
  {
    method: 'POST', url: '/api/v1/documents/:id/attachments',
    probes: [{
      kind: 'unit', action: 'document.manage',
      request: async (fx, { target }) => ({ params: { id: await documentOf(fx, target) }, query: { role: 'annex' }, raw: multipartFile('file', 'phu-luc.pdf', TINY_PDF) }),
    }],
  },
  {
    method: 'GET', url: '/api/v1/documents/:id/attachments/:fileId',
    probes: [{
      kind: 'role', action: 'document.read',
      request: async (fx) => {
        const id = await documentOf(fx, fx.tree.districtA);
        return { params: { id, fileId: await fx.cached(`attachment@${id}`, () => newAttachment(fx, id)) } };
      },
    }],
  },
  {
    method: 'DELETE', url: '/api/v1/documents/:id/attachments/:fileId',
    probes: [{
      kind: 'unit', action: 'document.manage',
      request: async (fx, { target }) => {
        const id = await documentOf(fx, target);
        return { params: { id, fileId: await newAttachment(fx, id) } };
      },
    }],
  },
  {
    method: 'POST', url: '/api/v1/citations/extract',
    probes: [{ kind: 'role', action: 'document.read', request: () => ({ body: { text: 'Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.' } }) }],
  },
  {
    method: 'POST', url: '/api/v1/documents/from-citations',
    probes: [
      // Resolving citations to documents already registered only reads.
      { kind: 'role', action: 'document.read', request: async (fx) => ({ body: { items: [{ action: 'link', documentId: await documentOf(fx, null) }] } }) },
      // Registering the cited documents is managing them: issued outside our tree, or by the target.
      {
        kind: 'role', action: 'document.manage',
        request: (fx) => ({ body: { items: [{ action: 'create', document: { kind: 'nghi_quyet', issuerName: 'Bộ Chính trị', title: `Nghị quyết ${fx.unique('')}` } }] } }),
      },
      {
        kind: 'unit', action: 'document.manage',
        request: (fx, { target }) => ({ body: { items: [{ action: 'create', document: { kind: 'ke_hoach', issuerUnitId: target, title: `Kế hoạch ${fx.unique('')}` } }] } }),
      },
    ],
  },
];
