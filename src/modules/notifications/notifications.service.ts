/**
 * In-app notifications and the e-mail that goes with them, and persisted jobs. A notification
 * is written in the same transaction as what caused it; its e-mail is sent afterwards by
 * `deliverEmails`, which records each attempt (sent, failed, or not sent without SMTP).
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as repo from './notifications.repository';

type Db = Kysely<Database>;

export interface NewNotification {
  userIds: Array<{ id: number; email: string | null }>;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  unitId?: number | null;
  /** Same key, one notification per user: running the same job twice never notifies twice. */
  dedupeKey: string;
}

/** Write one notification per user (skipping ones already written for the key); returns how many were new. */
export async function notify(db: Db, n: NewNotification, now = new Date().toISOString()): Promise<number> {
  let created = 0;
  for (const user of n.userIds) {
    const inserted = await repo.insertNotification(db, {
      userId: user.id, kind: n.kind, title: n.title, body: n.body, link: n.link ?? null, unitId: n.unitId ?? null,
      dedupeKey: `${n.dedupeKey}:u${user.id}`, emailTo: user.email, now,
    });
    if (inserted) created += 1;
  }
  return created;
}

/** Persist a job to run at `runAt` (now by default); enqueueing the same key twice is a no-op. */
export async function enqueueJob(db: Db, job: { kind: string; payload: Record<string, unknown>; dedupeKey: string; runAt?: string }): Promise<boolean> {
  const now = new Date().toISOString();
  return repo.insertJob(db, { kind: job.kind, payloadJson: JSON.stringify(job.payload), dedupeKey: job.dedupeKey, runAt: job.runAt ?? now, now });
}

export type JobRow = NonNullable<Awaited<ReturnType<typeof repo.claimDueJob>>>;
export type JobOutcome = { status: 'done' | 'skipped'; outcome: string };

/**
 * Run due jobs one at a time, each in its own transaction: claim (skip locked), handle, mark
 * done. A crash rolls back the claim with the notifications, so the job runs again later and
 * nothing is lost or written twice. Returns the number of jobs finished.
 */
export async function runDueJobs(
  db: Db, handle: (tx: Db, job: JobRow) => Promise<JobOutcome>, options: { worker: string; now?: () => Date; limit?: number },
): Promise<{ done: number; skipped: number; failed: number }> {
  const counts = { done: 0, skipped: 0, failed: 0 };
  const limit = options.limit ?? 1000;
  for (let i = 0; i < limit; i += 1) {
    const now = (options.now?.() ?? new Date()).toISOString();
    let claimed: JobRow | null = null;
    try {
      const result = await db.transaction().execute(async (tx) => {
        const job = await repo.claimDueJob(tx, now, options.worker);
        if (!job) return null;
        claimed = job;
        const outcome = await handle(tx, job);
        await repo.finishJob(tx, job.id, outcome.status, outcome.outcome, now);
        return outcome.status;
      });
      if (result === null) break;
      counts[result] += 1;
    } catch (error) {
      // The handler failed: record it outside the rolled-back transaction, so a broken job does not block the queue.
      const failed = claimed as JobRow | null;
      if (!failed) throw error;
      await db.transaction().execute((tx) => repo.finishJob(tx, failed.id, 'failed', String((error as Error).message ?? error).slice(0, 1000), now));
      counts.failed += 1;
    }
  }
  return counts;
}

export async function listMine(db: Db, actor: Actor | null, q: { unread?: boolean; limit: number; before?: number }) {
  const user = access.requireUser(actor);
  const rows = await repo.listForUser(db, user.userId, { unreadOnly: q.unread ?? false, limit: q.limit, beforeId: q.before });
  return {
    unread: await repo.countUnread(db, user.userId),
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, unitId: r.unit_id, createdAt: r.created_at,
      readAt: r.read_at, emailStatus: r.email_status,
    })),
  };
}

export async function markRead(db: Db, actor: Actor | null, ids: number[] | 'all') {
  const user = access.requireUser(actor);
  return { updated: await repo.markRead(db, user.userId, ids, new Date().toISOString()) };
}
