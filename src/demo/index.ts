/**
 * The demo dataset: Hai Phong in 2021 and its restructuring since. Each part takes the context
 * of the parts before it; append new parts as `await loadDemoX(db, ctx)`.
 */
import type { Kysely } from 'kysely';
import { analyze } from '../db/dialect';
import type { Database } from '../db/schema';
import { loadDemoDocuments } from './documents';
import { demoNewsTargets, loadDemoNews } from './news';
import { loadDemoOrgs } from './orgs';
import { loadDemoPlans } from './plans';
import { loadDemoReports } from './reports';
import { DEMO_USERS } from './users';

export const DEMO_LOGINS: Array<{ username: string; role: string; unit: string }> =
  DEMO_USERS.map((u) => ({ username: u.username, role: u.role, unit: u.unit }));

export async function loadDemo(db: Kysely<Database>, options: { log: (line: string) => void }): Promise<void> {
  const started = Date.now();
  const ctx = await loadDemoOrgs(db, options.log);
  await db.transaction().execute((tx) => loadDemoDocuments(tx, ctx));
  await loadDemoPlans(db, ctx);
  await db.transaction().execute(async (tx) => loadDemoNews(tx, ctx, await demoNewsTargets(tx, ctx)));
  await db.transaction().execute((tx) => loadDemoReports(tx, ctx));
  await analyze(db);
  options.log(`Dữ liệu demo đã nạp / demo loaded: ${ctx.unitIds.size} đơn vị, ${ctx.userIds.size} tài khoản, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
