/**
 * Links between documents (from → to): implements, based_on, amends, replaces, related — and the
 * chain they make: 05-CT/TW ← 03-KH/TW ← 32-KH/TU ← the city's 2021 plan ← each district's plan.
 * A link is a statement of its "from" document, so the staff who manage that document manage it.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { ConflictError, NotFoundError, invalidField } from '../../core/errors';
import type { Database } from '../../db/schema';
import * as audit from '../audit/audit.service';
import type { DocumentChain, LinkKind } from './documents.contract';
import { authorizeManage, authorizeRead, loadDocument, requireSignedIn } from './documents.guard';
import * as repo from './documents.repository';
import { managingUnit, toSummary } from './documents.view';

type Db = Kysely<Database>;

const LINK_NAMES: Record<LinkKind, { vi: string; en: string }> = {
  implements: { vi: 'thực hiện', en: 'implements' },
  based_on: { vi: 'căn cứ', en: 'is based on' },
  amends: { vi: 'sửa đổi, bổ sung', en: 'amends' },
  replaces: { vi: 'thay thế', en: 'replaces' },
  related: { vi: 'liên quan', en: 'is related to' },
};

/** Whether `start` reaches `target` by following links of `kind` upwards (from → to). */
async function reaches(db: Db, start: number, target: number, kind: LinkKind): Promise<boolean> {
  const seen = new Set<number>([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    const step = await repo.linkStep(db, frontier, [kind], 'up');
    const next: number[] = [];
    for (const l of step) {
      if (l.to_document_id === target) return true;
      if (!seen.has(l.to_document_id)) {
        seen.add(l.to_document_id);
        next.push(l.to_document_id);
      }
    }
    frontier = next;
  }
  return false;
}

/**
 * Add a link from a document the caller manages (checked here) to any registry entry.
 * `field` names the input in errors ("toDocumentId", "links.2.toDocumentId" …).
 */
export async function addLinkChecked(
  db: Db, actor: Actor | null, fromId: number, link: { kind: LinkKind; toDocumentId: number }, field = '',
): Promise<{ id: number }> {
  requireSignedIn(actor);
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const from = await loadDocument(db, fromId);
  await authorizeManage(db, actor, managingUnit(from));
  if (link.toDocumentId === fromId) throw invalidField(at('toDocumentId'), 'văn bản không thể liên kết với chính nó', 'a document cannot link to itself');
  const to = await repo.findDocument(db, link.toDocumentId);
  if (!to) throw invalidField(at('toDocumentId'), `không có văn bản ${link.toDocumentId} trong sổ`, `no document ${link.toDocumentId} in the registry`);
  if (await repo.linkExists(db, fromId, link.toDocumentId, link.kind)
    || (link.kind === 'related' && await repo.linkExists(db, link.toDocumentId, fromId, 'related'))) {
    throw new ConflictError({ vi: 'Liên kết này đã có', en: 'This link already exists' }, { field: at('toDocumentId') }, 'duplicate_link');
  }
  // "A implements B" and "B implements A" together make no chain; the same for the other directed kinds.
  if (link.kind !== 'related' && await reaches(db, link.toDocumentId, fromId, link.kind)) {
    throw invalidField(at('toDocumentId'), `văn bản ${to.number_text ?? to.title} đã (gián tiếp) ${LINK_NAMES[link.kind].vi} văn bản này; liên kết sẽ tạo vòng`,
      `document ${to.number_text ?? to.title} already (indirectly) ${LINK_NAMES[link.kind].en} this one; the link would make a cycle`);
  }
  const id = await repo.insertLink(db, fromId, link.toDocumentId, link.kind, new Date().toISOString());
  await audit.record(db, actor, {
    entity: 'document_link', entityId: id, action: 'create', unitId: from.issuer_unit_id,
    after: { from: fromId, fromNumber: from.number_text, to: link.toDocumentId, toNumber: to.number_text, kind: link.kind },
  });
  return { id };
}

export async function addLink(db: Db, actor: Actor | null, fromId: number, link: { kind: LinkKind; toDocumentId: number }) {
  const { id } = await addLinkChecked(db, actor, fromId, link);
  const to = await loadDocument(db, link.toDocumentId);
  return { id, kind: link.kind, direction: 'out' as const, document: toSummary(to) };
}

/** Remove a link shown on a document's page; it is managed by the staff of its "from" document. */
export async function removeLink(db: Db, actor: Actor | null, documentId: number, linkId: number): Promise<void> {
  requireSignedIn(actor);
  await loadDocument(db, documentId);
  const link = await repo.findLink(db, linkId);
  if (!link || (link.from_document_id !== documentId && link.to_document_id !== documentId)) throw new NotFoundError('document_link', linkId);
  const from = await loadDocument(db, link.from_document_id);
  await authorizeManage(db, actor, managingUnit(from));
  await repo.deleteLink(db, linkId);
  await audit.record(db, actor, {
    entity: 'document_link', entityId: linkId, action: 'delete', unitId: from.issuer_unit_id,
    before: { from: link.from_document_id, to: link.to_document_id, kind: link.kind },
  });
}

/**
 * Level by level: upwards what the document implements (and what those implement …), downwards
 * what implements it. A document appears once, at the level nearest the start; cycles stop.
 */
export async function documentChain(db: Db, actor: Actor | null, id: number, q: { kinds: LinkKind[]; depth: number }): Promise<DocumentChain> {
  await authorizeRead(db, actor);
  const start = await loadDocument(db, id);
  const walk = async (direction: 'up' | 'down') => {
    const seen = new Set<number>([id]);
    const levels: DocumentChain['up'] = [];
    let frontier = [id];
    for (let level = 1; level <= q.depth && frontier.length > 0; level += 1) {
      const step = await repo.linkStep(db, frontier, q.kinds, direction);
      const via = new Map<number, number[]>();
      for (const l of step) {
        const [near, far] = direction === 'up' ? [l.from_document_id, l.to_document_id] : [l.to_document_id, l.from_document_id];
        if (seen.has(far) && !via.has(far)) continue;
        const list = via.get(far) ?? [];
        if (!list.includes(near)) list.push(near);
        via.set(far, list);
      }
      const ids = [...via.keys()];
      ids.forEach((x) => seen.add(x));
      const rows = await repo.findDocuments(db, ids);
      const documents = rows.map((r) => ({ ...toSummary(r), via: via.get(r.id) ?? [] }))
        .sort((a, b) => (a.issuedOn ?? '9999').localeCompare(b.issuedOn ?? '9999') || a.id - b.id);
      if (documents.length > 0) levels.push({ level, documents });
      frontier = ids;
    }
    return levels;
  };
  return { document: toSummary(start), up: await walk('up'), down: await walk('down') };
}
