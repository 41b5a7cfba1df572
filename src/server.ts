/** Start the HTTP server: open the database, migrate, optionally load the demo, listen. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { openDatabase, parseDatabaseUrl, type DbHandle } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { DEMO_LOGINS, loadDemo } from './demo';
import { isDemoDatabase } from './db/meta';
import { countUnits } from './modules/orgs/orgs.repository';
import { startReminderScheduler, type ReminderScheduler } from './modules/reports/reports.scheduler';

export interface ServeOptions {
  /** Load the demo dataset when the database has no units yet (what `npm start` does). */
  demoIfEmpty: boolean;
}

export async function startServer(config: Config, options: ServeOptions): Promise<{ app: FastifyInstance; handle: DbHandle }> {
  const handle = await openDatabase(parseDatabaseUrl(config.databaseUrl));
  const applied = await migrateToLatest(handle.db);
  if (applied.length) console.log(`Đã áp dụng ${applied.length} migration / applied ${applied.length} migrations (${handle.dialect}: ${handle.location})`);
  if (options.demoIfEmpty && (await countUnits(handle.db)) === 0) {
    console.log('Cơ sở dữ liệu mới: đang nạp dữ liệu demo Hải Phòng 2021… / new database: loading the demo…');
    await loadDemo(handle.db, { log: (line) => console.log(`  ${line}`) });
  }
  const app = await buildApp({ handle, config, logger: { level: config.logLevel } });
  let reminders: ReminderScheduler | null = null;
  app.addHook('onClose', async () => reminders?.stop());
  await app.listen({ host: config.host, port: config.port });
  if (config.reminderIntervalSeconds > 0) {
    reminders = startReminderScheduler(handle.db, { smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, publicUrl: config.publicUrl }, {
      intervalMs: config.reminderIntervalSeconds * 1000, worker: `server-${process.pid}`,
      onError: (error) => app.log.error(error, 'reminder pass failed'),
      onPass: (r) => { if (r.planned || r.jobs.done || r.emails.sent) app.log.info(r, 'reminders'); },
    });
  }
  const url = `http://localhost:${config.port}`;
  console.log(`\nlamtheo đang chạy / is running: ${url}/app/  (API: ${url}/api/docs, database: ${handle.dialect})`);
  if (await isDemoDatabase(handle.db)) {
    console.log('\nTài khoản demo / demo logins (mật khẩu / password: lamtheo-demo):');
    for (const login of DEMO_LOGINS) console.log(`  ${login.username.padEnd(14)} ${login.role.padEnd(12)} ${login.unit}`);
  }
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { app, handle };
}
