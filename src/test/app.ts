/** An app over a fresh test database (SQLite in memory or a PostgreSQL schema), with the small fixture tree. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import type { DbHandle } from '../db/connection';
import { seedTree, type Tree } from './fixtures';
import type { TestDatabase } from './databases';

export interface TestApp {
  app: FastifyInstance;
  handle: DbHandle;
  tree: Tree;
  close(): Promise<void>;
}

export async function startTestApp(database: TestDatabase, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const handle = await database.open();
  const tree = await handle.db.transaction().execute((tx) => seedTree(tx));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-test-'));
  const config = loadConfig({ WEB_DIST: '/nonexistent', DATA_DIR: dataDir, ...env });
  const app = await buildApp({ handle, config });
  await app.ready();
  return {
    app, handle, tree,
    async close() {
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
