import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { forUpdate } from '../../db/dialect';
import { entryHash, type ChainedFields } from './audit.chain';

type Db = Kysely<Database>;

export type NewAuditEntry = Omit<ChainedFields, 'seq' | 'prev_hash'>;

/** Append one entry, chained to the head; must run inside the caller's transaction. */
export async function appendEntry(db: Db, entry: NewAuditEntry): Promise<{ seq: number; hash: string }> {
  const head = await forUpdate(db, db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1)).executeTakeFirstOrThrow();
  const fields: ChainedFields = { ...entry, seq: head.seq + 1, prev_hash: head.hash };
  const hash = entryHash(fields);
  await db.insertInto('audit_log').values({ ...fields, hash }).execute();
  await db.updateTable('audit_head').set({ seq: fields.seq, hash }).where('id', '=', 1).execute();
  return { seq: fields.seq, hash };
}

export async function readHead(db: Db): Promise<{ seq: number; hash: string }> {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Entries in storage order, a page at a time, for verification without loading everything. */
export async function* scanEntries(db: Db, pageSize = 5000) {
  let after = -Infinity;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll()
      .where('seq', '>', after === -Infinity ? -1 : after)
      .orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1].seq;
  }
}

export interface AuditQuery {
  /** Entries whose unit lies in one of these subtrees (as of `asOf`); null = every entry. */
  scopeRoots: Array<{ unitId: number; hierarchy: string }> | null;
  asOf: string;
  entity?: string;
  entityId?: string;
  beforeSeq?: number;
  limit: number;
}

export async function listEntries(db: Db, q: AuditQuery) {
  let query = db.selectFrom('audit_log as a').selectAll('a').orderBy('a.seq', 'desc').limit(q.limit);
  if (q.scopeRoots) {
    const roots = q.scopeRoots;
    if (roots.length === 0) return [];
    query = query.where((eb) => eb.exists(eb.selectFrom('org_closure as c').select('c.depth')
      .whereRef('c.descendant_id', '=', 'a.unit_id')
      .where((e) => e.or(roots.map((r) => e.and([e('c.ancestor_id', '=', r.unitId), e('c.hierarchy', '=', r.hierarchy)]))))));
  }
  if (q.entity) query = query.where('a.entity', '=', q.entity);
  if (q.entityId) query = query.where('a.entity_id', '=', q.entityId);
  if (q.beforeSeq) query = query.where('a.seq', '<', q.beforeSeq);
  return query.execute();
}
