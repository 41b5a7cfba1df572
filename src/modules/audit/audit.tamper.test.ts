/**
 * Tampering with the audit trail by hand is detected: an edited, deleted or reordered entry
 * makes `lamtheo audit verify` (the real CLI, on a SQLite file) exit non-zero naming the entry,
 * and `audit.verify` report it on both databases; an untouched trail verifies and prints its head.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../core/actor';
import { openDatabase, type DbHandle } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { testDatabases } from '../../test/databases';
import { makeUser, seedTree } from '../../test/fixtures';
import * as orgs from '../orgs/orgs.service';
import { entryHash, type ChainedFields } from './audit.chain';
import * as audit from './audit.service';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** Some audited activity: a tree, a user with a grant, a rename. */
async function auditedActivity(db: Kysely<Database>) {
  const tree = await db.transaction().execute((tx) => seedTree(tx));
  await db.transaction().execute((tx) => makeUser(tx, 'thu-ky', tree.wardA1, [{ role: 'reporter', unitId: tree.wardA1 }]));
  await db.transaction().execute((tx) => orgs.renameUnit(tx, SYSTEM_CLI, tree.districtB, { name: 'Thị ủy Dương Kinh', effectiveDate: '2023-01-01' }));
}

/** Each tampering, as SQL a person with database access could run, and the entry it must be caught at. */
const TAMPERINGS: Array<{ name: string; statements: string[]; firstBad: number; mentions: string }> = [
  {
    name: 'editing an entry',
    statements: [`update audit_log set after_json = '{"name":"Giả mạo"}' where seq = 3`],
    firstBad: 3, mentions: 'entry 3',
  },
  {
    name: 'deleting an entry',
    statements: ['delete from audit_log where seq = 4'],
    firstBad: 5, mentions: 'entry 4',
  },
  {
    name: 'swapping two entries (reordering)',
    statements: [
      'update audit_log set seq = -2 where seq = 2',
      'update audit_log set seq = 2 where seq = 6',
      'update audit_log set seq = 6 where seq = -2',
    ],
    firstBad: 2, mentions: 'entry 2',
  },
  {
    name: 'deleting the newest entry',
    statements: ['delete from audit_log where seq = (select max(seq) from audit_log)'],
    firstBad: 0, mentions: 'missing',
  },
];

/** A forger who also recomputes the edited entry's own hash is caught at the next entry. */
async function rehashEntry(db: Kysely<Database>, seq: number) {
  const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  const { hash: _old, ...fields } = { ...row, actor_name: 'nguoi-gia-mao' };
  await db.updateTable('audit_log').set({ actor_name: fields.actor_name, hash: entryHash(fields as ChainedFields) }).where('seq', '=', seq).execute();
}

describe('lamtheo audit verify (the CLI) on a SQLite file', () => {
  let dir: string;
  let pristine: string;
  let entries: number;
  let headHash: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-audit-'));
    pristine = path.join(dir, 'pristine.db');
    const handle = await openDatabase({ dialect: 'sqlite', file: pristine });
    await migrateToLatest(handle.db);
    await auditedActivity(handle.db);
    const head = await handle.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    entries = head.seq;
    headHash = head.hash;
    await handle.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function copyWith(name: string, change?: (raw: SQLite.Database) => void): string {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.db`);
    fs.copyFileSync(pristine, file);
    if (change) {
      const raw = new SQLite(file);
      change(raw);
      raw.close();
    }
    return file;
  }

  function verifyCli(file: string) {
    const run = spawnSync(process.execPath, ['bin/lamtheo.js', 'audit', 'verify'], {
      cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: file }, encoding: 'utf8', timeout: 60_000,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  it('exits 0 and prints the head hash when untouched', () => {
    expect(entries).toBeGreaterThanOrEqual(8);
    const run = verifyCli(copyWith('untouched'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`OK: ${entries} entries`);
    expect(run.stdout).toContain(`head: seq ${entries} ${headHash}`);
  });

  for (const t of TAMPERINGS) {
    it(`exits non-zero naming the entry after ${t.name}`, () => {
      const run = verifyCli(copyWith(t.name, (raw) => raw.transaction(() => t.statements.forEach((s) => raw.exec(s)))()));
      expect(run.status).toBe(1);
      const firstBad = t.firstBad || entries;
      expect(run.stderr).toContain(`FAILED at entry ${firstBad}`);
      expect(run.stderr).toContain(t.mentions);
    }, 60_000);
  }

  it('catches an edit even when the edited entry is re-hashed', async () => {
    const file = copyWith('rehashed');
    const handle = await openDatabase({ dialect: 'sqlite', file });
    await rehashEntry(handle.db, 3);
    await handle.close();
    const run = verifyCli(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('FAILED at entry 4');
  }, 60_000);
});

const databases = await testDatabases();
const ROLLBACK = new Error('rollback');

describe.each(databases)('audit.verify after tampering on $name', (database) => {
  let handle: DbHandle;
  let entries: number;

  beforeAll(async () => {
    if (database.skip) return;
    handle = await database.open();
    await auditedActivity(handle.db);
    entries = (await audit.verify(handle.db)).entries;
  });
  afterAll(async () => handle?.close());

  /** Tamper inside a transaction, verify there, roll back: each case starts from the intact trail. */
  async function verifyTampered(tamper: (tx: Kysely<Database>) => Promise<void>) {
    let result: audit.VerifyResult | undefined;
    await handle.db.transaction().execute(async (tx) => {
      await tamper(tx);
      result = await audit.verify(tx);
      throw ROLLBACK;
    }).catch((e) => { if (e !== ROLLBACK) throw e; });
    return result!;
  }

  it.skipIf(database.skip)('verifies the untouched trail', async () => {
    const result = await audit.verify(handle.db);
    const head = await handle.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(result).toEqual({ ok: true, entries: head.seq, headSeq: head.seq, headHash: head.hash, firstBad: null });
  });

  for (const t of TAMPERINGS) {
    it.skipIf(database.skip)(`names the entry after ${t.name}`, async () => {
      const result = await verifyTampered(async (tx) => {
        for (const statement of t.statements) await sql.raw(statement).execute(tx);
      });
      expect(result.ok).toBe(false);
      expect(result.firstBad?.seq).toBe(t.firstBad || entries);
      expect(result.firstBad?.reason).toContain(t.mentions);
    });
  }

  it.skipIf(database.skip)('names the next entry when an edited entry is re-hashed', async () => {
    const result = await verifyTampered((tx) => rehashEntry(tx, 3));
    expect(result.firstBad).toMatchObject({ seq: 4 });
    expect(await audit.verify(handle.db)).toMatchObject({ ok: true });
  });
});
