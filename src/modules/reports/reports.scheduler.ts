/**
 * The reminder scheduler inside the server process: every interval, one pass of
 * `runReminders`. Passes never overlap; `stop()` waits for a running pass to finish. Several
 * server processes may run it at once: jobs and e-mails are claimed with SKIP LOCKED.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { MailSettings } from '../notifications/notifications.mailer';
import { runReminders } from './reports.reminders';

export interface ReminderScheduler {
  stop(): Promise<void>;
  /** Run one pass now (waits for a pass already running). */
  runOnce(): Promise<void>;
}

export function startReminderScheduler(db: Kysely<Database>, mail: MailSettings, options: {
  intervalMs: number; worker: string; onError?: (error: unknown) => void; onPass?: (result: Awaited<ReturnType<typeof runReminders>>) => void;
}): ReminderScheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const pass = async () => {
    try {
      const result = await runReminders(db, mail, { worker: options.worker });
      options.onPass?.(result);
    } catch (error) {
      options.onError?.(error);
    }
  };
  const tick = () => {
    if (stopped || running) return;
    running = pass().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  setImmediate(tick);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
    async runOnce() {
      if (running) await running;
      running = pass().finally(() => {
        running = null;
      });
      await running;
    },
  };
}
