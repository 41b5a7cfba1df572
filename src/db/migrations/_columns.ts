/**
 * Column helpers for migrations. Frozen like the migrations that use them: change a
 * helper and old migrations change meaning, so add a new helper instead of editing one.
 */
import { PostgresAdapter, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

export type MigrationDialect = 'sqlite' | 'postgres';

export function dialectOf(db: Kysely<any>): MigrationDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Auto-numbered integer primary key. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>, name = 'id'): CreateTableBuilder<T, never> {
  return dialectOf(db) === 'postgres'
    ? table.addColumn(name, 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn(name, 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Calendar date: DATE in PostgreSQL, TEXT 'YYYY-MM-DD' in SQLite. */
export function dateType(db: Kysely<any>): 'date' | 'text' {
  return dialectOf(db) === 'postgres' ? 'date' : 'text';
}

/** Instant: TIMESTAMPTZ in PostgreSQL, TEXT ISO-8601 UTC in SQLite. */
export function instantType(db: Kysely<any>): 'timestamptz' | 'text' {
  return dialectOf(db) === 'postgres' ? 'timestamptz' : 'text';
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
