/**
 * Where benchmarks run: a fresh SQLite file in the temp directory, and PostgreSQL database
 * `lamtheo_bench` (created if missing) with one schema per benchmark, dropped and recreated
 * each run. PostgreSQL is skipped with the reason when no server answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';

export const BENCH_PG_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/lamtheo_bench';

/** Bare SQL through the driver itself (prepared statements, `?` placeholders): the floors. */
export interface BareSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface BenchConnection {
  handle: DbHandle;
  bare: BareSql;
  close(): Promise<void>;
}

export interface BenchDatabase {
  name: 'sqlite' | 'postgres';
  /** Why this database is skipped, or null. */
  skip: string | null;
  /** A migrated, empty database for one benchmark, with the app's handle and a bare driver connection. */
  open(benchmark: string): Promise<BenchConnection>;
}

function sqliteBare(handle: DbHandle): BareSql {
  const raw = handle.sqlite!;
  const statements = new Map<string, SQLite.Statement<unknown[]>>();
  return {
    async query<T>(text: string, params: unknown[] = []) {
      let statement = statements.get(text);
      if (!statement) {
        statement = raw.prepare(text);
        statements.set(text, statement);
      }
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    },
    async close() {},
  };
}

async function postgresBare(schema: string): Promise<BareSql> {
  // Values come back as the server's text, unparsed: the floor does the least work a client can.
  const client = new pg.Client({
    connectionString: BENCH_PG_URL, options: `-c search_path="${schema}"`,
    types: { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig,
  });
  await client.connect();
  const names = new Map<string, string>();
  return {
    async query<T>(text: string, params: unknown[] = []) {
      let name = names.get(text);
      if (!name) {
        name = `bench_${names.size + 1}`;
        names.set(text, name);
      }
      let n = 0;
      const result = await client.query({ name, text: text.replace(/\?/g, () => `$${++n}`), values: params });
      return result.rows as T[];
    },
    async close() {
      await client.end();
    },
  };
}

async function postgresProblem(): Promise<string | null> {
  const admin = new URL(BENCH_PG_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${admin.host} did not answer: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function benchDatabases(): Promise<BenchDatabase[]> {
  const pgSkip = await postgresProblem();
  return [
    {
      name: 'sqlite', skip: null,
      async open(benchmark) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lamtheo-bench-${benchmark}-`));
        const handle = await openDatabase({ dialect: 'sqlite', file: path.join(dir, 'bench.db') });
        await migrateToLatest(handle.db);
        return {
          handle, bare: sqliteBare(handle),
          async close() {
            await handle.close();
            fs.rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
    {
      name: 'postgres', skip: pgSkip,
      async open(benchmark) {
        const schema = `bench_${benchmark.replace(/\W+/g, '_')}`;
        const handle = await openDatabase({ dialect: 'postgres', url: BENCH_PG_URL }, { schema, poolSize: 4 });
        // A fresh schema each run: results never depend on what an earlier run left behind.
        await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
        await handle.db.schema.createSchema(schema).execute();
        await migrateToLatest(handle.db);
        const bare = await postgresBare(schema);
        return {
          handle, bare,
          async close() {
            await bare.close();
            // The data set is rebuilt every run; do not leave a few hundred MB behind.
            await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
            await handle.close();
          },
        };
      },
    },
  ];
}
