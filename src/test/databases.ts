/**
 * Storage contract tests run against both databases. SQLite is always there; PostgreSQL is
 * used at TEST_DATABASE_URL (default: the local server), each test file in its own schema.
 * Locally a missing server skips those tests with a printed reason; with REQUIRE_POSTGRES=1
 * (CI) a missing server fails the run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../db/connection';
import { migrateToLatest } from '../db/migrate';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

let probe: Promise<string | null> | null = null;

/** null when PostgreSQL answers, otherwise why not. */
export function postgresUnavailable(): Promise<string | null> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return `PostgreSQL at ${TEST_PG_URL.replace(/\/\/[^@]*@/, '//')} did not answer: ${(error as Error).message}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return probe;
}

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** Why this database is skipped here, or null. */
  skip: string | null;
  open(): Promise<DbHandle>;
}

async function openSqlite(): Promise<DbHandle> {
  const handle = await openDatabase({ dialect: 'sqlite', file: ':memory:' });
  await migrateToLatest(handle.db);
  return handle;
}

async function openPostgres(): Promise<DbHandle> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const handle = await openDatabase({ dialect: 'postgres', url: TEST_PG_URL }, { schema, createDatabase: false, poolSize: 4 });
  await migrateToLatest(handle.db);
  const close = handle.close;
  return {
    ...handle,
    async close() {
      await close();
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
}

export async function testDatabases(): Promise<TestDatabase[]> {
  const reason = await postgresUnavailable();
  if (reason && process.env.REQUIRE_POSTGRES === '1') {
    throw new Error(`REQUIRE_POSTGRES=1 but ${reason}`);
  }
  if (reason && !warned) {
    warned = true;
    console.warn(`[lamtheo tests] skipping PostgreSQL runs: ${reason}`);
  }
  return [
    { name: 'sqlite', skip: null, open: openSqlite },
    { name: 'postgres', skip: reason, open: openPostgres },
  ];
}
let warned = false;
