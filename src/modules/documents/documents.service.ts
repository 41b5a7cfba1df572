/**
 * The document registry: directives, resolutions, plans, reports … that plans and reports refer
 * to. Reading is open to every signed-in user; registering and editing belongs to the office
 * staff of the issuing unit's line (or of any unit, for documents issued outside our tree).
 * Numbers are stored in their canonical spelling, so "5 - ct/tw" and "05-CT/TW" are one document.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { formatVnDate, todayVn } from '../../core/dates';
import { DOCUMENT_KINDS, documentKindInfo, type DocumentKind } from '../../core/document-kinds';
import { parseDocumentNumber, requireDocumentNumber, tryParseDocumentNumber, type DocumentNumber } from '../../core/document-number';
import { ConflictError, invalidField } from '../../core/errors';
import { fold } from '../../core/text';
import type { Database } from '../../db/schema';
import * as audit from '../audit/audit.service';
import type {
  CreateDocumentInput, DocumentDetail, DocumentSummary, DocumentView, ListDocumentsQuery, UpdateDocumentInput,
} from './documents.contract';
import * as repo from './documents.repository';
import { addLinkChecked } from './document-links.service';
import { authorizeManage, authorizeRead, loadDocument, requireSignedIn } from './documents.guard';
import { managingUnit, toSummary, toViews } from './documents.view';

type Db = Kysely<Database>;

export async function listDocuments(db: Db, actor: Actor | null, q: ListDocumentsQuery): Promise<{ total: number; items: DocumentView[] }> {
  await authorizeRead(db, actor);
  const folded = q.q ? fold(q.q) : '';
  const { total, rows } = await repo.listDocuments(db, {
    words: folded.split(' ').filter(Boolean),
    numberText: q.q ? tryParseDocumentNumber(q.q)?.text : undefined,
    kind: q.kind,
    issuerWords: q.issuer ? fold(q.issuer).split(' ').filter(Boolean) : [],
    issuerUnitId: q.issuerUnit,
    year: q.year,
    limit: q.limit,
    offset: q.offset,
  });
  return { total, items: await toViews(db, actor, rows) };
}

export async function getDocument(db: Db, actor: Actor | null, id: number): Promise<DocumentDetail> {
  await authorizeRead(db, actor);
  const row = await loadDocument(db, id);
  const [view] = await toViews(db, actor, [row]);
  const links = await repo.linksOf(db, id);
  const others = new Map((await repo.findDocuments(db, links.map((l) => (l.from_document_id === id ? l.to_document_id : l.from_document_id))))
    .map((r) => [r.id, toSummary(r)]));
  const attachments = await repo.attachmentsOf(db, id);
  return {
    ...view,
    links: links.flatMap((l) => {
      const out = l.from_document_id === id;
      const other = others.get(out ? l.to_document_id : l.from_document_id);
      return other ? [{ id: l.id, kind: l.kind as DocumentDetail['links'][number]['kind'], direction: out ? 'out' as const : 'in' as const, document: other }] : [];
    }),
    attachments: attachments.map((a) => ({ ...a, role: a.role as DocumentDetail['attachments'][number]['role'] })),
  };
}

/** Summaries of documents by id, for other modules (a plan lists what it implements). */
export async function documentSummaries(db: Db, ids: number[]): Promise<Map<number, DocumentSummary>> {
  const rows = await repo.findDocuments(db, ids);
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}

/** The id of the registry entry with this number (any spelling), or null: for other modules and the demo. */
export async function documentIdByNumber(db: Db, number: string): Promise<number | null> {
  const parsed = tryParseDocumentNumber(number);
  if (!parsed) return null;
  return (await repo.findByNumberText(db, parsed.text))?.id ?? null;
}

export async function listKinds(db: Db, actor: Actor | null) {
  await authorizeRead(db, actor);
  return DOCUMENT_KINDS.map((k) => ({ code: k.code, nameVi: k.vi, nameEn: k.en, partyCode: k.partyCode, stateCode: k.stateCode }));
}

/** Whether a number reads, and how it prints (for forms that check as the user types). */
export async function checkNumber(db: Db, actor: Actor | null, input: string, lang: 'vi' | 'en') {
  await authorizeRead(db, actor);
  const result = parseDocumentNumber(input);
  if (!result.ok) return { ok: false, number: null, numbering: null, kind: null, problem: { part: result.problem.part, message: result.problem[lang] } };
  return { ok: true, number: result.value.text, numbering: result.value.numbering, kind: result.value.kind, problem: null };
}

type Fields = Pick<CreateDocumentInput, 'kind' | 'number' | 'issuerName' | 'issuerUnitId' | 'issuedOn' | 'title' | 'summary' | 'citationKey'>;

function kindName(kind: DocumentKind) {
  return documentKindInfo(kind);
}

/** Check a document's fields against each other and the database; the row to write. */
async function resolveFields(db: Db, f: Fields, selfId: number | null) {
  let number: DocumentNumber | null = null;
  if (f.number) {
    number = requireDocumentNumber(f.number, 'number');
    if (number.kind && number.kind !== f.kind) {
      throw invalidField('kind', `số ${number.text} là số của ${kindName(number.kind).vi.toLowerCase()}, không phải ${kindName(f.kind).vi.toLowerCase()}`,
        `number ${number.text} is the number of a ${kindName(number.kind).en.toLowerCase()}, not a ${kindName(f.kind).en.toLowerCase()}`);
    }
  }
  if (f.issuedOn) {
    if (f.issuedOn > todayVn()) throw invalidField('issuedOn', `ngày ban hành ${formatVnDate(f.issuedOn)} chưa tới`, `the issue date ${f.issuedOn} is in the future`);
    if (f.issuedOn < '1930-01-01') throw invalidField('issuedOn', 'ngày ban hành phải từ năm 1930', 'the issue date must be 1930 or later');
    if (number?.year && Number(f.issuedOn.slice(0, 4)) !== number.year) {
      throw invalidField('issuedOn', `số ${number.text} mang năm ${number.year} nhưng ngày ban hành là ${formatVnDate(f.issuedOn)}`,
        `number ${number.text} carries the year ${number.year} but the issue date is ${f.issuedOn}`);
    }
  }
  let issuerName = f.issuerName ?? null;
  if (f.issuerUnitId !== undefined && f.issuerUnitId !== null) {
    await requireUnit(db, f.issuerUnitId);
    if (!issuerName) {
      const on = f.issuedOn ?? todayVn();
      issuerName = (await repo.unitNames(db, [{ unitId: f.issuerUnitId, on }])).get(`${f.issuerUnitId}@${on}`) ?? null;
    }
  }
  if (!issuerName) {
    throw invalidField('issuerName', 'cần tên cơ quan ban hành hoặc đơn vị ban hành (issuerUnitId)', 'an issuing body name or an issuing unit (issuerUnitId) is needed');
  }
  if (number) {
    const same = await repo.findByNumberText(db, number.text);
    if (same && same.id !== selfId) {
      throw new ConflictError({ vi: `Số ${number.text} đã có trong sổ văn bản`, en: `Number ${number.text} is already in the registry` },
        { field: 'number', existingId: same.id }, 'duplicate_number');
    }
  }
  if (f.citationKey) {
    const same = await repo.findByCitationKey(db, f.citationKey);
    if (same && same.id !== selfId) {
      throw new ConflictError({ vi: `Văn bản này đã có trong sổ (mã trích dẫn ${f.citationKey})`, en: `This document is already in the registry (citation key ${f.citationKey})` },
        { field: 'citationKey', existingId: same.id }, 'duplicate_citation_key');
    }
  }
  const row = {
    kind: f.kind,
    numbering: number?.numbering ?? null,
    number: number?.number ?? null,
    number_year: number?.year ?? null,
    kind_code: number?.kindCode ?? null,
    issuer_code: number?.issuerCode ?? null,
    number_text: number?.text ?? null,
    issuer_name: issuerName,
    issuer_unit_id: f.issuerUnitId ?? null,
    issued_on: f.issuedOn ?? null,
    title: f.title,
    summary: f.summary ?? null,
    citation_key: f.citationKey ?? null,
    issuer_search: fold(issuerName),
    search_text: fold([number?.text, kindName(f.kind).vi, f.title, issuerName, f.summary].filter(Boolean).join(' ')),
  };
  return row;
}

type AuditedFields = Pick<repo.DocumentRow, 'kind' | 'number_text' | 'issuer_name' | 'issuer_unit_id' | 'issued_on' | 'title' | 'summary' | 'citation_key'>;

function auditShape(r: AuditedFields) {
  return {
    kind: r.kind, number: r.number_text, issuerName: r.issuer_name, issuerUnitId: r.issuer_unit_id, issuedOn: r.issued_on,
    title: r.title, summary: r.summary, citationKey: r.citation_key,
  };
}

/** A named issuing unit must exist before anyone's rights there can be judged: 400, not 403. */
async function requireUnit(db: Db, unitId: number | null | undefined) {
  if (unitId !== undefined && unitId !== null && !(await repo.unitExists(db, unitId))) {
    throw invalidField('issuerUnitId', `không có đơn vị ${unitId}`, `no unit ${unitId}`);
  }
}

export async function createDocument(db: Db, actor: Actor | null, input: CreateDocumentInput): Promise<DocumentView> {
  requireSignedIn(actor);
  await requireUnit(db, input.issuerUnitId);
  await authorizeManage(db, actor, input.issuerUnitId ?? null);
  const row = await resolveFields(db, input, null);
  const now = new Date().toISOString();
  const id = await repo.insertDocument(db, { ...row, created_by: actor?.kind === 'user' ? actor.userId : null, created_at: now, updated_at: now });
  await audit.record(db, actor, { entity: 'document', entityId: id, action: 'create', unitId: row.issuer_unit_id, after: auditShape(row) });
  for (const [i, link] of input.links.entries()) await addLinkChecked(db, actor, id, link, `links.${i}`);
  const [view] = await toViews(db, actor, [await loadDocument(db, id)]);
  return view;
}

export async function updateDocument(db: Db, actor: Actor | null, id: number, input: UpdateDocumentInput): Promise<DocumentView> {
  requireSignedIn(actor);
  const before = await loadDocument(db, id);
  await authorizeManage(db, actor, managingUnit(before));
  const has = (key: keyof UpdateDocumentInput) => Object.prototype.hasOwnProperty.call(input, key) && input[key] !== undefined;
  const pick = <T>(key: keyof UpdateDocumentInput, current: T): T => (has(key) ? (input[key] as T) : current);
  const issuerUnitId = pick<number | null>('issuerUnitId', before.issuer_unit_id);
  if (issuerUnitId !== before.issuer_unit_id) {
    await requireUnit(db, issuerUnitId);
    await authorizeManage(db, actor, issuerUnitId);
  }
  const fields: Fields = {
    kind: pick<DocumentKind>('kind', before.kind as DocumentKind),
    number: pick<string | null>('number', before.number_text) ?? undefined,
    // A new issuing unit without a new name takes the unit's name.
    issuerName: pick<string | null>('issuerName', has('issuerUnitId') && !has('issuerName') ? null : before.issuer_name) ?? undefined,
    issuerUnitId: issuerUnitId ?? undefined,
    issuedOn: pick<string | null>('issuedOn', before.issued_on) ?? undefined,
    title: pick<string>('title', before.title),
    summary: pick<string | null>('summary', before.summary) ?? undefined,
    citationKey: pick<string | null>('citationKey', before.citation_key) ?? undefined,
  };
  const row = await resolveFields(db, fields, id);
  await repo.updateDocument(db, id, { ...row, updated_at: new Date().toISOString() });
  await audit.record(db, actor, { entity: 'document', entityId: id, action: 'update', unitId: row.issuer_unit_id, before: auditShape(before), after: auditShape(row) });
  const [view] = await toViews(db, actor, [await loadDocument(db, id)]);
  return view;
}

/**
 * Remove a registry entry with its links and attachment records. A document that a plan or a
 * report still refers to cannot go (their foreign keys refuse it): a 409, nothing removed.
 */
export async function deleteDocument(db: Db, actor: Actor | null, id: number): Promise<void> {
  requireSignedIn(actor);
  const before = await loadDocument(db, id);
  await authorizeManage(db, actor, managingUnit(before));
  try {
    await repo.deleteDocument(db, id);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === '23503' || code.startsWith('SQLITE_CONSTRAINT')) {
      throw new ConflictError({ vi: 'Văn bản đang được kế hoạch hoặc báo cáo tham chiếu; không thể xóa', en: 'A plan or report still refers to this document; it cannot be deleted' },
        { documentId: id }, 'document_in_use');
    }
    throw error;
  }
  await audit.record(db, actor, { entity: 'document', entityId: id, action: 'delete', unitId: before.issuer_unit_id, before: auditShape(before) });
}

export interface IssuedDocumentInput {
  kind: DocumentKind;
  /** "12-KH/TU" */
  number: string;
  issuerUnitId: number;
  /** As printed ("Ban Thường vụ Thành ủy"); the unit's name when left out. */
  issuerName?: string;
  issuedOn: string;
  title: string;
  summary?: string;
  /** What it carries out: `implements` links to the documents of the plan above; `amends` to an earlier version. */
  links?: Array<{ kind: 'implements' | 'based_on' | 'amends' | 'replaces' | 'related'; toDocumentId: number }>;
}

/**
 * For the plans module, inside its transaction: register the document an issued plan (or report)
 * becomes, with its links, or reuse the entry already registered under that number (as when the
 * registry was filled from citations first) and add the missing links. Returns the document.
 */
export async function registerIssuedDocument(db: Db, actor: Actor | null, input: IssuedDocumentInput): Promise<DocumentView> {
  const number = requireDocumentNumber(input.number, 'number');
  const existing = await repo.findByNumberText(db, number.text);
  if (!existing) {
    return createDocument(db, actor, { ...input, citationKey: undefined, links: input.links ?? [] });
  }
  const view = await updateDocument(db, actor, existing.id, {
    kind: input.kind, issuerUnitId: input.issuerUnitId, issuedOn: input.issuedOn, title: input.title,
    ...(input.issuerName ? { issuerName: input.issuerName } : {}), ...(input.summary ? { summary: input.summary } : {}),
  });
  for (const [i, link] of (input.links ?? []).entries()) {
    if (!(await repo.linkExists(db, existing.id, link.toDocumentId, link.kind))) await addLinkChecked(db, actor, existing.id, link, `links.${i}`);
  }
  return view;
}
