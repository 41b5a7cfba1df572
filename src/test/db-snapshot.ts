/**
 * "Did this request write anything?" for tests: a row count and a checksum of every table in
 * the database (found at run time, so tables added by later migrations are covered without
 * listing them), and the audit entries appended since a point in the chain.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../db/dialect';

/** Columns a read may legitimately touch (a session or API token seen again), left out of checksums. */
const VOLATILE_COLUMNS: Record<string, readonly string[]> = {
  sessions: ['last_seen_at'],
  api_tokens: ['last_used_at'],
};

/** The audit trail is judged by which entries were appended (auditSince), not by checksum. */
const AUDIT_TABLES = new Set(['audit_log', 'audit_head']);

/** Audit entries a refused or invalid request may leave: security events, never data changes. */
export const SECURITY_AUDIT_KINDS: ReadonlySet<string> = new Set(['access/denied', 'auth/login_failed', 'auth/login_refused']);

export interface Snapshot {
  tables: Record<string, { rows: number; checksum: string }>;
  auditSeq: number;
}

const tableLists = new WeakMap<object, Promise<string[]>>();

/** Every table of the database (or of the PostgreSQL schema on the search path), audit tables excepted. */
export function dataTables(db: Kysely<any>): Promise<string[]> {
  let list = tableLists.get(db);
  if (!list) {
    list = (async () => {
      const { rows } = dialectOf(db) === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
        : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
      return rows.map((r) => r.name).filter((n) => !AUDIT_TABLES.has(n)).sort();
    })();
    tableLists.set(db, list);
  }
  return list;
}

function rowText(row: Record<string, unknown>, skip: readonly string[]): string {
  const keys = Object.keys(row).filter((k) => !skip.includes(k)).sort();
  return JSON.stringify(keys.map((k) => [k, row[k] instanceof Date ? (row[k] as Date).toISOString() : row[k]]));
}

export async function snapshot(db: Kysely<any>): Promise<Snapshot> {
  const tables: Snapshot['tables'] = {};
  for (const table of await dataTables(db)) {
    const rows = await db.selectFrom(table).selectAll().execute();
    const skip = VOLATILE_COLUMNS[table] ?? [];
    const texts = rows.map((r) => rowText(r as Record<string, unknown>, skip)).sort();
    const hash = createHash('sha256');
    for (const t of texts) hash.update(t).update('\n');
    tables[table] = { rows: rows.length, checksum: hash.digest('hex') };
  }
  const head = await db.selectFrom('audit_head').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return { tables, auditSeq: Number(head.seq) };
}

/** Tables whose rows differ between two snapshots, e.g. `users (3 → 4 rows)` or `grants (changed)`. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
  const out: string[] = [];
  for (const name of [...names].sort()) {
    const a = before.tables[name];
    const b = after.tables[name];
    if (!a || !b) out.push(`${name} (appeared or vanished)`);
    else if (a.rows !== b.rows) out.push(`${name} (${a.rows} → ${b.rows} rows)`);
    else if (a.checksum !== b.checksum) out.push(`${name} (changed)`);
  }
  return out;
}

/** Audit entries appended after `seq`, as `entity/action`. */
export async function auditKindsSince(db: Kysely<any>, seq: number): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select(['entity', 'action']).where('seq', '>', seq).orderBy('seq').execute();
  return rows.map((r) => `${r.entity}/${r.action}`);
}

/**
 * What a request wrote beyond what it may: changed tables, and audit entries not of the
 * allowed kinds. Empty when it wrote nothing else.
 */
export async function unexpectedWrites(
  db: Kysely<any>, before: Snapshot, allowedAudit: ReadonlySet<string> = SECURITY_AUDIT_KINDS,
): Promise<{ after: Snapshot; problems: string[]; audit: string[] }> {
  const after = await snapshot(db);
  const audit = await auditKindsSince(db, before.auditSeq);
  const problems = changedTables(before, after);
  for (const kind of audit) if (!allowedAudit.has(kind)) problems.push(`audit entry ${kind}`);
  return { after, problems, audit };
}
