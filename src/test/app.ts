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
  /** Every route the app registered, as `METHOD /url/:pattern` (HEAD twins of GET routes left out). */
  routes: Array<{ method: string; url: string }>;
  close(): Promise<void>;
}

export async function startTestApp(database: TestDatabase, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const handle = await database.open();
  const tree = await handle.db.transaction().execute((tx) => seedTree(tx));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-test-'));
  const config = loadConfig({ WEB_DIST: '/nonexistent', DATA_DIR: dataDir, ...env });
  const routes: TestApp['routes'] = [];
  const onRoute = (route: { method: string | string[]; url: string }) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  };
  const app = await buildApp({ handle, config, onRoute });
  await app.ready();
  return {
    app, handle, tree, routes,
    async close() {
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
