/** The organization part of the demo: the 2021 tree in one bulk batch, the accounts, then history since. */
import type { Kysely } from 'kysely';
import { writeMeta } from '../db/meta';
import type { Database } from '../db/schema';
import { bulkCreateUnits } from '../modules/orgs/orgs.bulk';
import { loadAdminData } from './admin-units';
import { createDemoContext, type DemoContext } from './context';
import { applyHistory } from './history';
import { build2021 } from './orgs-2021';
import { createDemoUsers, grantsAfterRestructuring } from './users';

export async function loadDemoOrgs(db: Kysely<Database>, log: (line: string) => void): Promise<DemoContext> {
  const ctx = createDemoContext(log);
  const data = loadAdminData();
  await db.transaction().execute(async (tx) => {
    // Marked first: the demo accounts' shared password is accepted only in a demo database.
    await writeMeta(tx, 'dataset', 'demo');
    const units = build2021(data);
    const started = Date.now();
    const { created, closureRows } = await bulkCreateUnits(tx, ctx.actor, units, { source: 'demo' });
    for (const u of created) ctx.unitIds.set(u.code, u.id);
    log(`Tổ chức năm 2021: ${created.length} đơn vị, ${closureRows} dòng bao đóng (${Date.now() - started} ms)`);
    await createDemoUsers(tx, ctx);
    log(`Tài khoản demo: ${ctx.userIds.size}`);
    const history = Date.now();
    await applyHistory(tx, ctx, data);
    await grantsAfterRestructuring(tx, ctx);
    log(`Sắp xếp tổ chức 2025 (${Date.now() - history} ms)`);
  });
  return ctx;
}
