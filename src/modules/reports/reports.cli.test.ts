/** `lamtheo reports recompute` and `lamtheo reminders run`, run as an operator would: a child process on a real SQLite file. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../core/actor';
import { openDatabase } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { seedTree } from '../../test/fixtures';
import { seedReporting } from '../../test/reporting';
import * as queries from './reports.queries';
import * as review from './reports.review';
import * as reports from './reports.service';

const run = promisify(execFile);
const CLI = path.resolve('bin/lamtheo.js');

describe('the reporting commands', () => {
  let dir: string;
  let file: string;
  let scheduleId: number;
  const env = () => ({ ...process.env, DATABASE_URL: file, SMTP_URL: '', REMINDER_INTERVAL_SECONDS: '0' });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-cli-reports-'));
    file = path.join(dir, 'cli.db');
    const handle = await openDatabase({ dialect: 'sqlite', file });
    await migrateToLatest(handle.db);
    await handle.db.transaction().execute(async (tx) => {
      const tree = await seedTree(tx);
      scheduleId = (await seedReporting(tx, tree)).scheduleId;
      const { id } = await reports.openReport(tx, SYSTEM_CLI, { scheduleId, period: '2021-H1', unitId: tree.districtA });
      await reports.saveDraft(tx, SYSTEM_CLI, id, { version: 1, values: { members: 40, attending: 30 }, narrative: { results: 'x' } });
      await reports.submit(tx, SYSTEM_CLI, id, 2);
      await review.accept(tx, SYSTEM_CLI, id, undefined);
    });
    // Damage the rollups: the recompute must restore them from the accepted figures.
    await handle.db.updateTable('report_rollups').set({ total: 0 }).execute();
    await handle.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('recomputes rollups from the accepted figures', async () => {
    const { stdout } = await run('node', [CLI, 'reports', 'recompute', '--schedule', String(scheduleId)], { env: env() });
    expect(stdout).toMatch(/^recomputed 1 schedule period\(s\) in \d+ ms/);
    const handle = await openDatabase({ dialect: 'sqlite', file });
    try {
      const rows = await queries.allRollups(handle.db, scheduleId, '2021-H1');
      expect(rows.find((r) => r.indicator === 'members' && r.total > 0)?.total).toBe(40);
    } finally {
      await handle.close();
    }
  }, 60_000);

  it('runs due reminders once, recording e-mails as not sent without SMTP', async () => {
    const { stdout } = await run('node', [CLI, 'reminders', 'run'], { env: env() });
    // The submission and the acceptance were waiting as jobs; a second run finds nothing left to do.
    expect(stdout).toMatch(/^planned \d+; jobs done \d+, skipped \d+, failed 0; e-mails sent 0, not sent \d+, failed 0/);
    const again = await run('node', [CLI, 'reminders', 'run'], { env: env() });
    expect(again.stdout).toMatch(/^planned 0; jobs done 0, skipped 0, failed 0/);
  }, 60_000);
});
