/**
 * The registry rows a plan reads and writes: the documents it implements, and its own document
 * (kind ke_hoach) created when it is issued, with `implements` / `amends` links. Written against
 * the shared documents tables until the documents module offers these as a service.
 */
import type { Kysely } from 'kysely';
import { fold } from '../../core/text';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

export interface DocumentRow {
  id: number;
  kind: string;
  number: string | null;
  title: string;
  issuedOn: string | null;
  issuerName: string | null;
}

export async function findDocuments(db: Db, ids: number[]): Promise<Map<number, DocumentRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('documents')
    .select(['id', 'kind', 'number_text as number', 'title', 'issued_on as issuedOn', 'issuer_name as issuerName'])
    .where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function documentIdByNumber(db: Db, numberText: string): Promise<number | null> {
  const row = await db.selectFrom('documents').select('id').where('number_text', '=', numberText).executeTakeFirst();
  return row?.id ?? null;
}

export async function insertPlanDocument(db: Db, d: {
  number: string; issuerCode: string; numberText: string; issuerName: string; issuerUnitId: number;
  issuedOn: string; title: string; summary: string | null; createdBy: number | null; now: string;
}): Promise<number> {
  const row = await db.insertInto('documents').values({
    kind: 'ke_hoach', numbering: 'party', number: d.number, number_year: null, kind_code: 'KH', issuer_code: d.issuerCode,
    number_text: d.numberText, issuer_name: d.issuerName, issuer_unit_id: d.issuerUnitId, issued_on: d.issuedOn,
    title: d.title, summary: d.summary, search_text: fold(`${d.numberText} ${d.title} ${d.issuerName}`),
    created_by: d.createdBy, created_at: d.now, updated_at: d.now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function linkDocuments(db: Db, fromId: number, toIds: number[], kind: 'implements' | 'amends', now: string): Promise<void> {
  const unique = [...new Set(toIds)].filter((id) => id !== fromId);
  if (unique.length === 0) return;
  await db.insertInto('document_links')
    .values(unique.map((to) => ({ from_document_id: fromId, to_document_id: to, kind, created_at: now })))
    .onConflict((oc) => oc.columns(['from_document_id', 'to_document_id', 'kind']).doNothing())
    .execute();
}

/** Record a Party document a plan cites ("05-CT/TW") when the registry does not hold it yet. */
export async function insertCitedDocument(db: Db, d: {
  number: string; kind: string; issuer: string; issuedOn: string; title: string; issuerUnitId: number | null;
}): Promise<number> {
  const m = /^(\d+)-([A-ZĐ]+)\/([A-ZĐ]+)$/u.exec(d.number);
  if (!m) throw new Error(`not a Party document number: ${d.number}`);
  const now = new Date().toISOString();
  const row = await db.insertInto('documents').values({
    kind: d.kind, numbering: 'party', number: m[1], number_year: null, kind_code: m[2], issuer_code: m[3], number_text: d.number,
    issuer_name: d.issuer, issuer_unit_id: d.issuerUnitId, issued_on: d.issuedOn, title: d.title, summary: null,
    search_text: fold(`${d.number} ${d.title} ${d.issuer}`), created_by: null, created_at: now, updated_at: now,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
