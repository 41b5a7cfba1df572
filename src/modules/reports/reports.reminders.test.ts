import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../core/actor';
import * as users from '../users/users.service';
import * as notificationsRepo from '../notifications/notifications.repository';
import { deliverEmails } from '../notifications/notifications.mailer';
import * as notifications from '../notifications/notifications.service';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login } from '../../test/fixtures';
import { seedReporting, type ReportingSetup } from '../../test/reporting';
import * as reports from './reports.service';
import * as review from './reports.review';
import { handleJob, planReminders, runReminders } from './reports.reminders';
import { startReminderScheduler } from './reports.scheduler';

const databases = await testDatabases();

interface Received { to: string; subject: string; messageId: string }

async function startSmtp(): Promise<{ server: SMTPServer; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => { raw += chunk.toString('utf8'); });
      stream.on('end', () => {
        const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? '';
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: header('Subject'), messageId: header('Message-ID') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { server, url: `smtp://127.0.0.1:${port}`, received };
}

describe.each(databases)('reminders on $name', (database) => {
  let t: TestApp;
  let setup: ReportingSetup;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const mail = () => ({ smtpUrl: smtp.url, mailFrom: 'lamtheo <no-reply@lamtheo.local>', publicUrl: 'https://lamtheo.example' });

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    setup = await t.handle.db.transaction().execute(async (tx) => {
      const s = await seedReporting(tx, t.tree);
      await users.updateUser(tx, SYSTEM_CLI, s.users.qa, { email: 'qa@example.vn' });
      await users.updateUser(tx, SYSTEM_CLI, s.users.btg, { email: 'btg@example.vn' });
      return s;
    });
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (smtp ? smtp.server.close(() => resolve()) : resolve()));
    await t?.close();
  });

  it.skipIf(database.skip)('plans due-soon reminders once per threshold, then overdue, and never twice', async () => {
    const db = t.handle.db;
    const plan = (today: string) => db.transaction().execute((tx) => planReminders(tx, today));
    expect(await plan('2021-06-10')).toBe(0); // 9 days before the deadline of 19/06: nothing yet
    expect(await plan('2021-06-14')).toBe(4); // 5 days left: the 7-day reminder for the 4 reporting units
    expect(await plan('2021-06-14')).toBe(0);
    expect(await plan('2021-06-15')).toBe(0);
    expect(await plan('2021-06-18')).toBe(4); // 1 day left: the 1-day reminder (the 3-day one was passed in between)
    expect(await plan('2021-06-25')).toBe(4); // overdue
    expect(await plan('2021-06-26')).toBe(0);
    const jobs = await notificationsRepo.listJobs(db, { limit: 100 });
    expect(jobs.map((j) => j.dedupe_key).filter((k) => k.split(':')[3] === String(t.tree.districtA)).sort()).toEqual([
      `due:${setup.scheduleId}:2021-H1:${t.tree.districtA}:1`, `due:${setup.scheduleId}:2021-H1:${t.tree.districtA}:7`, `overdue:${setup.scheduleId}:2021-H1:${t.tree.districtA}`,
    ]);
  });

  it.skipIf(database.skip)('runs each job once, notifies in the app and by e-mail, and repeats nothing on the next pass', async () => {
    const db = t.handle.db;
    const first = await runReminders(db, mail(), { worker: 'test', today: '2021-06-26' });
    expect(first.jobs).toEqual({ done: 12, skipped: 0, failed: 0 });
    expect(first.emails).toMatchObject({ sent: 3, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual(['qa@example.vn', 'qa@example.vn', 'qa@example.vn']);
    expect(smtp.received[0].messageId).toMatch(/^<notification-\d+@lamtheo>$/);
    const again = await runReminders(db, mail(), { worker: 'test', today: '2021-06-26' });
    expect(again).toEqual({ planned: 0, jobs: { done: 0, skipped: 0, failed: 0 }, emails: { sent: 0, failed: 0, notSent: 0 } });
    expect(smtp.received).toHaveLength(3);
    const qa = await login(t.app, 'baocao-qa');
    const list = (await qa.inject({ url: '/api/v1/notifications' })).json();
    expect(list.unread).toBe(3);
    expect(list.items.map((n: { title: string }) => n.title)).toEqual([
      expect.stringMatching(/^Quá hạn: /), expect.stringMatching(/^Còn 1 ngày: /), expect.stringMatching(/^Còn 7 ngày: /),
    ]);
    expect(list.items[0].emailStatus).toBe('sent');
    const read = await qa.inject({ method: 'POST', url: '/api/v1/notifications/read', payload: { ids: [list.items[0].id] } });
    expect(read.json()).toEqual({ updated: 1 });
    expect((await qa.inject({ url: '/api/v1/notifications?unread=true' })).json().items).toHaveLength(2);
    const other = await login(t.app, 'baocao-qb');
    expect((await other.inject({ method: 'POST', url: '/api/v1/notifications/read', payload: { ids: [list.items[1].id] } })).json()).toEqual({ updated: 0 });
  });

  it.skipIf(database.skip)('tells reviewers of a submission, and the unit of a return and an acceptance', async () => {
    const db = t.handle.db;
    const { id } = await db.transaction().execute((tx) => reports.openReport(tx, SYSTEM_CLI, { scheduleId: setup.scheduleId, period: '2021-H2', unitId: t.tree.districtA }));
    await db.transaction().execute((tx) => reports.saveDraft(tx, SYSTEM_CLI, id, { version: 1, values: { members: 10 }, narrative: { results: 'x' } }));
    await db.transaction().execute((tx) => reports.submit(tx, SYSTEM_CLI, id, 2));
    const first = await runReminders(db, { ...mail(), smtpUrl: null }, { worker: 'test', today: '2021-07-01' });
    expect(first.jobs).toEqual({ done: 1, skipped: 0, failed: 0 });
    expect(first.emails.notSent).toBe(1);
    await db.transaction().execute((tx) => review.returnReport(tx, SYSTEM_CLI, id, 'Thiếu phần hạn chế'));
    await db.transaction().execute((tx) => reports.submit(tx, SYSTEM_CLI, id, 4));
    await db.transaction().execute((tx) => review.accept(tx, SYSTEM_CLI, id, undefined));
    const second = await runReminders(db, { ...mail(), smtpUrl: null }, { worker: 'test', today: '2021-07-01' });
    // The resubmission was decided before its job ran: it is skipped rather than sent stale.
    expect(second.jobs).toEqual({ done: 2, skipped: 1, failed: 0 });
    const btg = (await (await login(t.app, 'tuyengiao-tu')).inject({ url: '/api/v1/notifications' })).json();
    expect(btg.items.map((n: { title: string }) => n.title)).toEqual(['Báo cáo mới cần xem xét: Quận ủy Đồ Sơn']);
    expect(btg.items[0].emailStatus).toBe('not_sent');
    const qa = (await (await login(t.app, 'baocao-qa')).inject({ url: '/api/v1/notifications?limit=2' })).json();
    expect(qa.items.map((n: { title: string }) => n.title)).toEqual([expect.stringMatching(/^Báo cáo đã được tiếp nhận/), expect.stringMatching(/^Báo cáo bị trả lại/)]);
  });

  it.skipIf(database.skip)('never lets two workers take the same job', async () => {
    const db = t.handle.db;
    for (let i = 0; i < 20; i += 1) {
      await db.transaction().execute((tx) => notifications.enqueueJob(tx, { kind: 'accepted', payload: { reportId: 999_999 }, dedupeKey: `race:${i}` }));
    }
    const seen: number[] = [];
    const worker = (name: string) => notifications.runDueJobs(db, async (_tx, job) => {
      seen.push(job.id);
      await new Promise((r) => setTimeout(r, 5));
      return handleJob(_tx, job);
    }, { worker: name });
    const [a, b] = await Promise.all([worker('a'), worker('b')]);
    expect(a.skipped + b.skipped).toBe(20);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.skipIf(database.skip)('records e-mails as not sent when SMTP is not configured, and runs inside the server on an interval', async () => {
    const db = t.handle.db;
    const [user] = await db.selectFrom('users').select(['id', 'email']).where('username', '=', 'tuyengiao-tu').execute();
    await db.transaction().execute((tx) => notifications.notify(tx, { userIds: [user], kind: 'test', title: 'Thử', body: 'Nội dung', dedupeKey: 'manual-1' }));
    const passes: number[] = [];
    const scheduler = startReminderScheduler(db, { smtpUrl: null, mailFrom: 'x@y', publicUrl: null }, { intervalMs: 30, worker: 'interval', onPass: () => passes.push(1) });
    for (let i = 0; i < 100 && passes.length < 2; i += 1) await new Promise((r) => setTimeout(r, 20));
    await scheduler.stop();
    const count = passes.length;
    expect(count).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(passes.length).toBe(count);
    const row = await db.selectFrom('notifications').selectAll().where('dedupe_key', '=', `manual-1:u${user.id}`).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ email_status: 'not_sent', email_error: 'SMTP_URL is not configured' });
    expect(await deliverEmails(db, { smtpUrl: null, mailFrom: 'x', publicUrl: null })).toEqual({ sent: 0, failed: 0, notSent: 0 });
  });
});
