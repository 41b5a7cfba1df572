/**
 * Reading the citations of a text (pasted, or from an uploaded DOCX) against the registry, and
 * turning them into registry entries in one call: each citation either links to an entry that
 * exists or creates one; all of them or none.
 */
import type { Kysely } from 'kysely';
import mammoth from 'mammoth';
import type { Actor } from '../../core/actor';
import { extractCitations, type Citation } from '../../core/citations';
import { documentKindInfo } from '../../core/document-kinds';
import { ConflictError, ValidationError, invalidField } from '../../core/errors';
import type { Database } from '../../db/schema';
import * as files from '../files/files.service';
import { MAX_EXTRACT_CHARS, type CitationView, type FromCitationsInput } from './citations.contract';
import { addLinkChecked } from './document-links.service';
import type { DocumentSummary } from './documents.contract';
import { authorizeRead, loadDocument } from './documents.guard';
import * as repo from './documents.repository';
import { createDocument } from './documents.service';
import { toSummary } from './documents.view';

type Db = Kysely<Database>;

/** Keys of documents cited without a number, which the registry keeps as `citation_key`. */
function registryKey(c: Citation): string | null {
  return c.key.startsWith('tw:') || c.key.startsWith('dh:') ? c.key : null;
}

/**
 * A registry title: for a numbered document its subject ("Về xây dựng và phát triển …", the number
 * is shown beside it); for one cited without a number the label leads, as it is what names it.
 */
function suggestedTitle(c: Citation): string {
  if (!c.subject) return c.label;
  if (!c.number) return `${c.label} về ${c.subject}`;
  const first = c.subject[0];
  return first === first.toLocaleLowerCase('vi') ? `Về ${c.subject}` : c.subject;
}

/** Registry entries each citation may be: by number, or by citation key (with a looser match for keys lacking a term or a place name). */
async function registryMatches(db: Db, citations: Citation[]): Promise<Map<string, { match: DocumentSummary | null; candidates: DocumentSummary[] }>> {
  const out = new Map<string, { match: DocumentSummary | null; candidates: DocumentSummary[] }>();
  const byNumber = new Map((await repo.findByNumberTexts(db, citations.flatMap((c) => (c.number ? [c.number.text] : []))))
    .map((r) => [r.number_text!, toSummary(r)]));
  for (const c of citations) {
    if (c.number) {
      const hit = byNumber.get(c.number.text) ?? null;
      out.set(c.key, { match: hit, candidates: hit ? [hit] : [] });
      continue;
    }
    const key = registryKey(c);
    if (!key) {
      out.set(c.key, { match: null, candidates: [] });
      continue;
    }
    const parts = key.split(':');
    // tw:4:XII — exact, or any term when the text gave none; dh:thanh-pho:XVI — the place may be named more fully in the registry.
    const prefix = parts[0] === 'tw' ? `tw:${parts[1]}:` : `dh:${parts[1]}`;
    const rows = await repo.findByCitationKeyPrefixes(db, [prefix]);
    const fits = rows.filter((r) => {
      const theirs = r.citation_key!.split(':');
      if (parts[0] === 'tw') return parts[2] === '?' || theirs[2] === parts[2] || theirs[2] === '?';
      return theirs[2] === parts[2];
    });
    const exact = fits.find((r) => r.citation_key === key);
    const candidates = fits.map(toSummary);
    out.set(c.key, { match: exact ? toSummary(exact) : candidates.length === 1 ? candidates[0] : null, candidates });
  }
  return out;
}

export async function extractFromText(db: Db, actor: Actor | null, text: string, lang: 'vi' | 'en'): Promise<CitationView[]> {
  await authorizeRead(db, actor);
  const citations = extractCitations(text);
  const matches = await registryMatches(db, citations);
  return citations.map((c) => ({
    key: c.key,
    kind: c.kind,
    kindName: documentKindInfo(c.kind).vi,
    number: c.number?.text ?? null,
    numbering: c.number?.numbering ?? null,
    issuedOn: c.issuedOn,
    issuer: c.issuer,
    term: c.term,
    subject: c.subject,
    label: c.label,
    suggestedTitle: suggestedTitle(c),
    citationKey: registryKey(c),
    excerpt: c.excerpt,
    mentions: c.mentions,
    notes: c.notes.map((n) => n[lang]),
    registry: matches.get(c.key)!,
  }));
}

/** The text of an uploaded DOCX (type by bytes), for extraction. */
export async function docxText(bytes: Buffer): Promise<string> {
  if (bytes.length === 0) throw invalidField('file', 'tệp rỗng', 'the file is empty');
  await files.detectKind(bytes, ['docx'], 'file');
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw invalidField('file', 'không đọc được nội dung tệp DOCX', 'the DOCX file could not be read');
  }
  if (text.length > MAX_EXTRACT_CHARS) {
    throw invalidField('file', `văn bản dài quá ${MAX_EXTRACT_CHARS} ký tự`, `the text is longer than ${MAX_EXTRACT_CHARS} characters`);
  }
  return text;
}

/**
 * Resolve every item (link to an existing entry, or create one) and, when a source document is
 * named, link it to each of them. Runs in the caller's transaction: one failure, nothing written.
 */
export async function createFromCitations(db: Db, actor: Actor | null, input: FromCitationsInput) {
  await authorizeRead(db, actor);
  if (input.source) await loadDocument(db, input.source.documentId);
  const results: Array<{ index: number; citationKey: string | null; created: boolean; document: DocumentSummary }> = [];
  for (const [index, item] of input.items.entries()) {
    if (item.action === 'link') {
      const row = await repo.findDocument(db, item.documentId);
      if (!row) throw invalidField(`items.${index}.documentId`, `không có văn bản ${item.documentId} trong sổ`, `no document ${item.documentId} in the registry`);
      results.push({ index, citationKey: item.citationKey ?? null, created: false, document: toSummary(row) });
      continue;
    }
    const key = item.citationKey && /^(tw|dh):/.test(item.citationKey) ? item.citationKey : undefined;
    const view = await createDocument(db, actor, { ...item.document, citationKey: item.document.citationKey ?? key, links: [] })
      .catch((error: unknown) => { throw prefixed(error, `items.${index}.document`); });
    results.push({ index, citationKey: item.citationKey ?? null, created: true, document: view });
  }
  const links: Array<{ id: number; fromDocumentId: number; toDocumentId: number; kind: NonNullable<FromCitationsInput['source']>['linkKind'] }> = [];
  if (input.source) {
    const { documentId, linkKind } = input.source;
    for (const r of results) {
      if (r.document.id === documentId || links.some((l) => l.toDocumentId === r.document.id)) continue;
      if (await repo.linkExists(db, documentId, r.document.id, linkKind)) continue;
      const { id } = await addLinkChecked(db, actor, documentId, { kind: linkKind, toDocumentId: r.document.id }, `items.${r.index}`);
      links.push({ id, fromDocumentId: documentId, toDocumentId: r.document.id, kind: linkKind });
    }
  }
  return { results, links };
}

/** A field error of a nested call, renamed to where it sits in this request ("items.2.document.number"). */
function prefixed(error: unknown, prefix: string): unknown {
  if (error instanceof ValidationError) {
    return new ValidationError(error.issues.map((i) => ({ field: `${prefix}.${i.field}`, message: i.message })));
  }
  if (error instanceof ConflictError && error.details && !Array.isArray(error.details) && typeof error.details.field === 'string') {
    return new ConflictError(error.text, { ...error.details, field: `${prefix}.${error.details.field}` }, error.code);
  }
  return error;
}
