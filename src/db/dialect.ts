/**
 * Everything that differs between SQLite and PostgreSQL lives here, so repositories
 * can stay dialect-blind. Conventions that keep the rest portable:
 * - calendar dates are TEXT 'YYYY-MM-DD' in SQLite and DATE in PostgreSQL, read back as strings;
 * - instants are ISO-8601 UTC strings (TEXT / TIMESTAMPTZ, read back as ISO strings);
 * - flags are integers 0/1 in both (better-sqlite3 cannot bind booleans);
 * - JSON is stored as TEXT and parsed in the repository that owns it;
 * - diacritic-insensitive search uses a folded `*_search` column written by the application.
 */
import { PostgresAdapter, sql, type Kysely, type SelectQueryBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Which database a Kysely instance or transaction talks to. */
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Largest number of bound parameters one statement may carry, with headroom. */
export function maxParameters(dialect: DialectName): number {
  return dialect === 'sqlite' ? 30_000 : 60_000;
}

/** Split rows so that one INSERT stays under the driver's parameter limit. */
export function chunkRows<T extends object>(db: Kysely<any>, rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const perRow = Math.max(1, Object.keys(rows[0]).length);
  const size = Math.max(1, Math.floor(maxParameters(dialectOf(db)) / perRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/**
 * Row lock for read-modify-write inside a transaction. SQLite has one writer at a
 * time (Kysely's SQLite driver serializes all work on one connection), so the clause
 * is only needed on PostgreSQL.
 */
export function forUpdate<DB, TB extends keyof DB, O>(
  db: Kysely<any>,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return dialectOf(db) === 'postgres' ? query.forUpdate() : query;
}

export function toFlag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

export function fromFlag(value: number | boolean | null | undefined): boolean {
  return value === true || value === 1;
}

/** Size of the database on disk, for the health and backup commands. */
export async function databaseSizeBytes(db: Kysely<any>): Promise<number> {
  if (dialectOf(db) === 'sqlite') {
    const { rows } = await sql<{ size: number }>`select page_count * page_size as size from pragma_page_count(), pragma_page_size()`.execute(db);
    return Number(rows[0]?.size ?? 0);
  }
  const { rows } = await sql<{ size: string }>`select pg_database_size(current_database()) as size`.execute(db);
  return Number(rows[0]?.size ?? 0);
}

/** Refresh planner statistics after bulk loads so the closure indexes get picked. */
export async function analyze(db: Kysely<any>): Promise<void> {
  await sql`analyze`.execute(db);
}
