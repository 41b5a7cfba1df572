/** `lamtheo` — the command line: serve, migrate, demo, users, org import/export, audit, backup. */
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { Command, Option } from 'commander';
import { SYSTEM_CLI, ROLES, type Role } from './core/actor';
import { loadConfig } from './config';
import { openDatabase, parseDatabaseUrl, type DbHandle } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { loadDemo } from './demo';
import * as audit from './modules/audit/audit.service';
import { findUnitByCode, countUnits } from './modules/orgs/orgs.repository';
import * as users from './modules/users/users.service';
import { ImportRejectedError, exportUnits, importUnits } from './modules/orgs/orgs.transfer';
import { findUserByUsername } from './modules/auth/auth.repository';
import { startServer } from './server';

const program = new Command();
program
  .name('lamtheo')
  .description('Quản lý thực hiện chỉ thị theo hệ thống tổ chức — carry out a directive across an organization hierarchy.\nDATABASE_URL chooses the database: a file path or sqlite:<file> (default data/lamtheo.db), or postgres://…')
  .version('0.1.0');

/** Open the configured database with migrations applied, run the work, close. */
async function withDatabase<T>(work: (handle: DbHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(parseDatabaseUrl(loadConfig().databaseUrl));
  try {
    await migrateToLatest(handle.db);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

function fail(message: string): never {
  console.error(`lỗi / error: ${message}`);
  process.exit(1);
}

async function unitIdByCode(handle: DbHandle, code: string): Promise<number> {
  const unit = await findUnitByCode(handle.db, code);
  if (!unit) fail(`không có đơn vị mã "${code}" / no unit with code "${code}"`);
  return unit.id;
}

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

program.command('serve')
  .description('Start the web server (PORT, default 3000); applies migrations first')
  .addOption(new Option('--port <port>', 'port to listen on').env('PORT'))
  .option('--demo-if-empty', 'load the demo dataset when the database has no units yet')
  .action(async (opts: { port?: string; demoIfEmpty?: boolean }) => {
    const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
    await startServer(config, { demoIfEmpty: opts.demoIfEmpty ?? false });
  });

program.command('migrate')
  .description('Create the database if needed and apply pending migrations')
  .action(async () => {
    const handle = await openDatabase(parseDatabaseUrl(loadConfig().databaseUrl));
    try {
      const applied = await migrateToLatest(handle.db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
    } finally {
      await handle.close();
    }
  });

program.command('demo')
  .description('Load the Hai Phong 2021 demo dataset into an empty database')
  .action(async () => withDatabase(async (handle) => {
    if ((await countUnits(handle.db)) > 0) fail('cơ sở dữ liệu không trống / the database is not empty');
    await loadDemo(handle.db, { log: (line) => console.log(line) });
    console.log('demo loaded; every demo account uses the password lamtheo-demo');
  }));

const user = program.command('user').description('Manage user accounts');
user.command('add <username>')
  .description('Create a user; the password is read from standard input (e.g. echo "…" | lamtheo user add …)')
  .requiredOption('--unit <code>', 'code of the unit the user belongs to')
  .requiredOption('--name <displayName>', 'display name')
  .option('--email <email>', 'e-mail address')
  .addOption(new Option('--role <role>', 'also grant this role at the unit').choices(ROLES as string[]))
  .action(async (username: string, opts: { unit: string; name: string; email?: string; role?: Role }) => withDatabase(async (handle) => {
    const password = await readPasswordFromStdin();
    const unitId = await unitIdByCode(handle, opts.unit);
    const created = await handle.db.transaction().execute(async (tx) => {
      const u = await users.createUser(tx, SYSTEM_CLI, { username, displayName: opts.name, email: opts.email, unitId, password, locale: 'vi' });
      if (opts.role) await users.addGrant(tx, SYSTEM_CLI, u.id, { role: opts.role, unitId, hierarchy: 'party' });
      return u;
    }).catch((e) => fail(describe(e)));
    console.log(`created user ${created.username} (#${created.id})${opts.role ? ` with role ${opts.role}` : ''}`);
  }));

user.command('grant <username> <role>')
  .description(`Grant a role at a unit, covering its subtree (roles: ${ROLES.join(', ')})`)
  .requiredOption('--unit <code>', 'code of the unit')
  .option('--hierarchy <code>', 'hierarchy the grant follows', 'party')
  .action(async (username: string, role: string, opts: { unit: string; hierarchy: string }) => withDatabase(async (handle) => {
    if (!ROLES.includes(role as Role)) fail(`vai trò không hợp lệ / unknown role "${role}" (${ROLES.join(', ')})`);
    const target = await findUserByUsername(handle.db, username);
    if (!target) fail(`không có người dùng / no user "${username}"`);
    const unitId = await unitIdByCode(handle, opts.unit);
    await handle.db.transaction().execute((tx) => users.addGrant(tx, SYSTEM_CLI, target.id, { role: role as Role, unitId, hierarchy: opts.hierarchy }))
      .catch((e) => fail(describe(e)));
    console.log(`granted ${role} at ${opts.unit} (${opts.hierarchy}) to ${username}`);
  }));

user.command('disable <username>')
  .description('Disable a user and end all their sessions')
  .action(async (username: string) => withDatabase(async (handle) => {
    const target = await findUserByUsername(handle.db, username);
    if (!target) fail(`không có người dùng / no user "${username}"`);
    await handle.db.transaction().execute((tx) => users.setActive(tx, SYSTEM_CLI, target.id, false));
    console.log(`disabled ${username}; their sessions have ended`);
  }));

const org = program.command('org').description('Organization units: import from and export to CSV/XLSX');
org.command('import <file>')
  .description('Import units from a CSV or XLSX file (columns: code, name, short_name, kind, parent_code, state_parent_code, valid_from); all rows or none')
  .option('--dry-run', 'check every row and report, without writing anything')
  .option('--hierarchy <code>', 'hierarchy that rows without any parent become roots of', 'party')
  .action(async (file: string, opts: { dryRun?: boolean; hierarchy: string }) => withDatabase(async (handle) => {
    if (!fs.existsSync(file)) fail(`không có tệp / no such file: ${file}`);
    const bytes = fs.readFileSync(file);
    const bar = new cliProgress.SingleBar({
      format: 'ghi / writing [{bar}] {percentage}% {value}/{total} dòng dữ liệu / rows',
      stream: process.stdout, noTTYOutput: true, notTTYSchedule: 250, hideCursor: true,
    }, cliProgress.Presets.shades_classic);
    let started = false;
    const onProgress = (p: { done: number; total: number }) => {
      if (!started) bar.start(p.total, 0);
      started = true;
      bar.setTotal(p.total);
      bar.update(p.done);
    };
    const dryRun = opts.dryRun ?? false;
    console.log(`${dryRun ? 'kiểm tra / checking' : 'nhập / importing'} ${path.basename(file)}…`);
    try {
      const result = await handle.db.transaction().execute((tx) => importUnits(tx, SYSTEM_CLI, bytes, { dryRun, hierarchy: opts.hierarchy, onProgress }));
      if (started) bar.stop();
      if (!result.valid) throw new ImportRejectedError(result.errors);
      console.log(dryRun
        ? `hợp lệ: ${result.rows} dòng, ${result.created.length} đơn vị sẽ được tạo / valid: ${result.created.length} units would be created`
        : `đã nhập ${result.created.length} đơn vị / imported ${result.created.length} units`);
    } catch (error) {
      if (started) bar.stop();
      if (!(error instanceof ImportRejectedError)) fail(describe(error));
      console.error(`lỗi / error: ${error.errors.length} lỗi, không có đơn vị nào được nhập / ${error.errors.length} problem(s), nothing imported`);
      for (const e of error.errors) {
        const where = e.row > 0 ? `dòng ${e.row}, cột ${e.column} / row ${e.row}, column ${e.column}` : 'tệp / file';
        console.error(`  ${where}: ${e.message} / ${e.messageEn}`);
      }
      process.exitCode = 1;
    }
  }));

org.command('export <file>')
  .description('Export a hierarchy (or one subtree) as of a date; the format follows the extension (.csv or .xlsx)')
  .option('--as-of <date>', 'the day to export (YYYY-MM-DD), default today')
  .option('--hierarchy <code>', 'hierarchy to export', 'party')
  .option('--root <code>', 'export only the subtree of this unit')
  .action(async (file: string, opts: { asOf?: string; hierarchy: string; root?: string }) => withDatabase(async (handle) => {
    const ext = path.extname(file).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx') fail('tên tệp phải kết thúc bằng .csv hoặc .xlsx / the file name must end in .csv or .xlsx');
    if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) fail('--as-of phải có dạng YYYY-MM-DD / --as-of must be YYYY-MM-DD');
    const out = await exportUnits(handle.db, SYSTEM_CLI, {
      format: ext === '.xlsx' ? 'xlsx' : 'csv', hierarchy: opts.hierarchy, asOf: opts.asOf, rootCode: opts.root,
    }).catch((e) => fail(describe(e)));
    fs.writeFileSync(file, out.bytes);
    console.log(`đã xuất ${out.count} đơn vị vào ${file} / exported ${out.count} units`);
  }));

const auditCmd = program.command('audit').description('The hash-chained audit trail');
auditCmd.command('verify')
  .description('Recompute the chain; exits 1 and names the first bad entry when any was edited, deleted or reordered')
  .action(async () => withDatabase(async (handle) => {
    const result = await audit.verify(handle.db);
    if (result.ok) {
      console.log(`OK: ${result.entries} entries, chain intact`);
      console.log(`head: seq ${result.headSeq} ${result.headHash}`);
      return;
    }
    console.error(`FAILED at entry ${result.firstBad!.seq}: ${result.firstBad!.reason}`);
    console.error(`(${result.entries} entries verified before it; recorded head: seq ${result.headSeq} ${result.headHash})`);
    process.exitCode = 1;
  }));

program.command('backup <file>')
  .description('Write a consistent copy of the database (SQLite online backup; for PostgreSQL, prints the pg_dump command)')
  .action(async (file: string) => {
    const handle = await openDatabase(parseDatabaseUrl(loadConfig().databaseUrl));
    try {
      if (handle.dialect === 'postgres') {
        console.log('PostgreSQL: dùng pg_dump / use pg_dump for a consistent copy, e.g.');
        console.log(`  pg_dump --format=custom --file=${JSON.stringify(file)} "$DATABASE_URL"`);
        console.log('and restore with: pg_restore --clean --dbname="$DATABASE_URL" <file>');
        return;
      }
      const target = path.resolve(file);
      if (fs.existsSync(target)) fail(`${target} đã tồn tại / already exists`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await handle.sqlite!.backup(target);
      console.log(`backup written: ${target} (${fs.statSync(target).size} bytes)`);
    } finally {
      await handle.close();
    }
  });

function describe(error: unknown): string {
  const e = error as { text?: { vi: string; en: string }; message?: string };
  return e.text ? `${e.text.vi} / ${e.text.en}` : String(e.message ?? error);
}

export { program };

await program.parseAsync(process.argv);
