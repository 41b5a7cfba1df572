/** SQL of the document registry: documents, links between them, attachments. */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../db/schema';
import type { DocumentsTable } from '../../db/tables/documents';

type Db = Kysely<Database>;

export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

const COLUMNS = [
  'id', 'kind', 'numbering', 'number', 'number_year', 'kind_code', 'issuer_code', 'number_text', 'issuer_name',
  'issuer_unit_id', 'issued_on', 'title', 'summary', 'citation_key', 'created_at', 'updated_at',
] as const;

export async function findDocument(db: Db, id: number) {
  return db.selectFrom('documents').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findDocuments(db: Db, ids: number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db.selectFrom('documents').select(COLUMNS).where('id', 'in', unique).execute();
}

export async function findByNumberText(db: Db, numberText: string) {
  return db.selectFrom('documents').select(COLUMNS).where('number_text', '=', numberText).executeTakeFirst();
}

export async function findByNumberTexts(db: Db, numberTexts: string[]) {
  if (numberTexts.length === 0) return [];
  return db.selectFrom('documents').select(COLUMNS).where('number_text', 'in', [...new Set(numberTexts)]).execute();
}

export async function findByCitationKey(db: Db, key: string) {
  return db.selectFrom('documents').select(COLUMNS).where('citation_key', '=', key).executeTakeFirst();
}

/** Documents whose citation key starts with one of the prefixes (congress resolutions by place). */
export async function findByCitationKeyPrefixes(db: Db, prefixes: string[]) {
  if (prefixes.length === 0) return [];
  return db.selectFrom('documents').select(COLUMNS)
    .where((eb) => eb.or(prefixes.map((p) => eb('citation_key', 'like', `${p.replace(/[%_]/g, '')}%`))))
    .execute();
}

export interface ListFilter {
  words: string[];
  numberText?: string;
  kind?: string;
  issuerWords: string[];
  issuerUnitId?: number;
  year?: number;
  limit: number;
  offset: number;
}

function filtered(db: Db, f: ListFilter) {
  let q = db.selectFrom('documents');
  if (f.words.length > 0 || f.numberText) {
    q = q.where((eb) => {
      const wordsMatch = f.words.length > 0 ? eb.and(f.words.map((w) => eb('search_text', 'like', `%${w}%`))) : null;
      const numberMatch = f.numberText ? eb('number_text', '=', f.numberText) : null;
      return eb.or([wordsMatch, numberMatch].filter((x) => x !== null));
    });
  }
  if (f.kind) q = q.where('kind', '=', f.kind);
  for (const w of f.issuerWords) {
    // Rows written before migration 020 have no issuer_search; their search_text holds the issuer too.
    q = q.where((eb) => eb.or([
      eb('issuer_search', 'like', `%${w}%`),
      eb.and([eb('issuer_search', 'is', null), eb('search_text', 'like', `%${w}%`)]),
    ]));
  }
  if (f.issuerUnitId !== undefined) q = q.where('issuer_unit_id', '=', f.issuerUnitId);
  if (f.year !== undefined) {
    q = q.where('issued_on', '>=', `${f.year}-01-01`).where('issued_on', '<', `${f.year + 1}-01-01`);
  }
  return q;
}

export async function listDocuments(db: Db, f: ListFilter) {
  const total = await filtered(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  let query = filtered(db, f).select(COLUMNS);
  // A searched number comes first; then newest first, undated documents (cited without a date) last on both databases.
  if (f.numberText) query = query.orderBy(sql`case when number_text = ${f.numberText} then 0 else 1 end`);
  const rows = await query
    .orderBy(sql`case when issued_on is null then 1 else 0 end`)
    .orderBy('issued_on', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit).offset(f.offset)
    .execute();
  return { total: Number(total.n), rows };
}

export async function insertDocument(db: Db, row: Insertable<DocumentsTable>): Promise<number> {
  const inserted = await db.insertInto('documents').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateDocument(db: Db, id: number, patch: Updateable<DocumentsTable>): Promise<void> {
  await db.updateTable('documents').set(patch).where('id', '=', id).execute();
}

export async function deleteDocument(db: Db, id: number): Promise<void> {
  await db.deleteFrom('document_links').where((eb) => eb.or([eb('from_document_id', '=', id), eb('to_document_id', '=', id)])).execute();
  await db.deleteFrom('document_files').where('document_id', '=', id).execute();
  await db.deleteFrom('documents').where('id', '=', id).execute();
}

export async function linksOf(db: Db, id: number) {
  return db.selectFrom('document_links')
    .select(['id', 'from_document_id', 'to_document_id', 'kind', 'created_at'])
    .where((eb) => eb.or([eb('from_document_id', '=', id), eb('to_document_id', '=', id)]))
    .orderBy('id').execute();
}

export async function findLink(db: Db, linkId: number) {
  return db.selectFrom('document_links').selectAll().where('id', '=', linkId).executeTakeFirst();
}

export async function linkExists(db: Db, from: number, to: number, kind: string): Promise<boolean> {
  const row = await db.selectFrom('document_links').select('id')
    .where('from_document_id', '=', from).where('to_document_id', '=', to).where('kind', '=', kind).executeTakeFirst();
  return row !== undefined;
}

export async function insertLink(db: Db, from: number, to: number, kind: string, now: string): Promise<number> {
  const row = await db.insertInto('document_links')
    .values({ from_document_id: from, to_document_id: to, kind, created_at: now })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteLink(db: Db, linkId: number): Promise<void> {
  await db.deleteFrom('document_links').where('id', '=', linkId).execute();
}

/** One step of a chain: links of the given kinds leaving (up) or reaching (down) any of the documents. */
export async function linkStep(db: Db, ids: number[], kinds: string[], direction: 'up' | 'down') {
  if (ids.length === 0) return [];
  const near = direction === 'up' ? 'from_document_id' : 'to_document_id';
  return db.selectFrom('document_links')
    .select(['from_document_id', 'to_document_id', 'kind'])
    .where(near, 'in', ids).where('kind', 'in', kinds)
    .orderBy('id').execute();
}

export async function attachmentsOf(db: Db, documentId: number) {
  return db.selectFrom('document_files as df')
    .innerJoin('files as f', 'f.id', 'df.file_id')
    .select(['df.file_id as fileId', 'df.role', 'df.created_at as attachedAt', 'f.original_name as name', 'f.mime_type as mimeType', 'f.size_bytes as sizeBytes'])
    .where('df.document_id', '=', documentId)
    .orderBy('df.file_id').execute();
}

export async function findAttachment(db: Db, documentId: number, fileId: number) {
  return db.selectFrom('document_files').selectAll().where('document_id', '=', documentId).where('file_id', '=', fileId).executeTakeFirst();
}

export async function insertAttachment(db: Db, documentId: number, fileId: number, role: string, now: string): Promise<void> {
  await db.insertInto('document_files').values({ document_id: documentId, file_id: fileId, role, created_at: now }).execute();
}

export async function deleteAttachment(db: Db, documentId: number, fileId: number): Promise<void> {
  await db.deleteFrom('document_files').where('document_id', '=', documentId).where('file_id', '=', fileId).execute();
}

/** Names of units: the name in force on each wanted day, else the last name the unit had. */
export async function unitNames(db: Db, wanted: Array<{ unitId: number; on: string }>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = [...new Set(wanted.map((w) => w.unitId))];
  if (ids.length === 0) return out;
  const versions = await db.selectFrom('org_unit_versions').select(['unit_id', 'name', 'valid_from', 'valid_to'])
    .where('unit_id', 'in', ids).orderBy('valid_from').execute();
  for (const w of wanted) {
    const mine = versions.filter((v) => v.unit_id === w.unitId);
    const then = mine.find((v) => v.valid_from <= w.on && (v.valid_to === null || v.valid_to > w.on)) ?? mine.at(-1);
    if (then) out.set(`${w.unitId}@${w.on}`, then.name);
  }
  return out;
}

export async function unitExists(db: Db, unitId: number): Promise<boolean> {
  return (await db.selectFrom('org_units').select('id').where('id', '=', unitId).executeTakeFirst()) !== undefined;
}
