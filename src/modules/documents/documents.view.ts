/** Turning registry rows into what the API returns: kind names, issuing unit names, what the caller may do. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { todayVn } from '../../core/dates';
import { documentKindInfo, isDocumentKind, type DocumentKind } from '../../core/document-kinds';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import type { DocumentSummary, DocumentView } from './documents.contract';
import * as repo from './documents.repository';

type Db = Kysely<Database>;
type Row = repo.DocumentRow;

function kindOf(row: Row): DocumentKind {
  return isDocumentKind(row.kind) ? row.kind : 'khac';
}

export function toSummary(row: Row): DocumentSummary {
  const kind = kindOf(row);
  return {
    id: row.id, kind, kindName: documentKindInfo(kind).vi, number: row.number_text, title: row.title,
    issuerName: row.issuer_name, issuerUnitId: row.issuer_unit_id, issuedOn: row.issued_on,
  };
}

/** The unit (or, for documents from outside our tree, no unit) whose staff manage a document. */
export function managingUnit(row: Pick<Row, 'issuer_unit_id'>): number | null {
  return row.issuer_unit_id;
}

export async function canManage(db: Db, actor: Actor | null, unitId: number | null, cache?: Map<string, boolean>): Promise<boolean> {
  const key = String(unitId);
  const known = cache?.get(key);
  if (known !== undefined) return known;
  const allowed = await access.can(db, actor, { action: 'document.manage', unitId });
  cache?.set(key, allowed);
  return allowed;
}

export async function toViews(db: Db, actor: Actor | null, rows: Row[]): Promise<DocumentView[]> {
  const today = todayVn();
  const names = await repo.unitNames(db, rows
    .filter((row) => row.issuer_unit_id !== null)
    .map((row) => ({ unitId: row.issuer_unit_id!, on: row.issued_on ?? today })));
  const cache = new Map<string, boolean>();
  const out: DocumentView[] = [];
  for (const row of rows) {
    const numbering = row.numbering === 'party' || row.numbering === 'state' ? row.numbering : null;
    out.push({
      ...toSummary(row),
      numbering,
      numberParts: numbering && row.number && row.issuer_code
        ? { number: row.number, year: row.number_year, kindCode: row.kind_code, issuerCode: row.issuer_code }
        : null,
      issuerUnitName: row.issuer_unit_id === null ? null : names.get(`${row.issuer_unit_id}@${row.issued_on ?? today}`) ?? null,
      summary: row.summary,
      citationKey: row.citation_key,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      canManage: await canManage(db, actor, managingUnit(row), cache),
    });
  }
  return out;
}
