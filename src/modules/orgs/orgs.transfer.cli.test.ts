/** The `lamtheo org import/export` commands, run as a user would: a child process on a real database. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { TEST_PG_URL, testDatabases } from '../../test/databases';
import { seedTree } from '../../test/fixtures';
import * as repo from './orgs.repository';

const run = promisify(execFile);
const databases = await testDatabases();
const CLI = path.resolve('bin/lamtheo.js');

describe.each(databases)('lamtheo org import/export on $name', ({ name, skip }) => {
  let dir: string;
  let url: string;
  let target: DatabaseTarget;

  beforeAll(async () => {
    if (skip) return;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-cli-'));
    if (name === 'sqlite') {
      url = path.join(dir, 'cli.db');
      target = { dialect: 'sqlite', file: url };
    } else {
      const u = new URL(TEST_PG_URL);
      u.pathname = `/lamtheo_cli_${randomBytes(5).toString('hex')}`;
      url = u.toString();
      target = { dialect: 'postgres', url };
    }
    const handle = await openDatabase(target);
    await migrateToLatest(handle.db);
    await handle.db.transaction().execute((tx) => seedTree(tx));
    await handle.close();
  });
  afterAll(async () => {
    if (skip) return;
    fs.rmSync(dir, { recursive: true, force: true });
    if (name === 'postgres') {
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`);
      await client.end();
    }
  });

  const lamtheo = (...args: string[]) => run(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: url }, cwd: dir })
    .then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
  const count = async () => {
    const handle = await openDatabase(target);
    try {
      return await repo.countUnits(handle.db);
    } finally {
      await handle.close();
    }
  };

  it.skipIf(skip)('exits non-zero on a bad row, names it, and imports nothing', async () => {
    const before = await count();
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, 'code,name,kind,parent_code,valid_from\nCB-1,Chi bộ 1,chi_bo,PA1,01/01/2021\nCB-2,Chi bộ 2,chi_bo,KHONG-CO,01/01/2021\n');
    const result = await lamtheo('org', 'import', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/dòng 3, cột parent_code/);
    expect(result.stderr).toMatch(/KHONG-CO/);
    expect(await count()).toBe(before);
  });

  it.skipIf(skip)('imports with a progress bar, and exports what it imported', async () => {
    const rows = ['code,name,kind,parent_code,valid_from'];
    for (let i = 0; i < 300; i += 1) rows.push(`CB-${i},Chi bộ Tổ dân phố số ${i},chi_bo,PA1,01/01/2021`);
    const file = path.join(dir, 'good.csv');
    fs.writeFileSync(file, rows.join('\n'));
    const dry = await lamtheo('org', 'import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/300 đơn vị sẽ được tạo/);
    const before = await count();
    const result = await lamtheo('org', 'import', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/100% \d+\/\d+ dòng/);
    expect(result.stdout).toMatch(/đã nhập 300 đơn vị/);
    expect(await count()).toBe(before + 300);
    const out = path.join(dir, 'ward.xlsx');
    const exported = await lamtheo('org', 'export', out, '--as-of', '2021-06-30', '--root', 'PA1');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/đã xuất 302 đơn vị/);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
