/**
 * Sends the e-mails of notifications through SMTP (SMTP_URL). Without SMTP configured, each
 * e-mail is recorded as not sent, which is not an error. The Message-ID is derived from the
 * notification, so if a process dies after sending and before recording it, the retry carries
 * the same Message-ID and mail systems can recognize the duplicate.
 */
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../../db/schema';
import * as repo from './notifications.repository';

type Db = Kysely<Database>;

const MAX_ATTEMPTS = 3;
const LEASE_MS = 10 * 60_000;

export interface MailSettings {
  smtpUrl: string | null;
  mailFrom: string;
  /** Absolute base for links in e-mails (PUBLIC_URL); relative links are kept as they are without it. */
  publicUrl: string | null;
}

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    t = nodemailer.createTransport(url);
    transports.set(url, t);
  }
  return t;
}

export async function deliverEmails(db: Db, settings: MailSettings, limit = 200): Promise<{ sent: number; failed: number; notSent: number }> {
  const counts = { sent: 0, failed: 0, notSent: 0 };
  const now = new Date();
  const claimed = await db.transaction().execute((tx) =>
    repo.claimEmails(tx, now.toISOString(), new Date(now.getTime() - LEASE_MS).toISOString(), limit));
  for (const n of claimed) {
    if (!settings.smtpUrl || !n.email_to) {
      await repo.setEmailState(db, n.id, { email_status: 'not_sent', email_error: settings.smtpUrl ? 'no e-mail address' : 'SMTP_URL is not configured', emailed_at: null });
      counts.notSent += 1;
      continue;
    }
    const link = n.link ? (settings.publicUrl && n.link.startsWith('/') ? `${settings.publicUrl}${n.link}` : n.link) : null;
    try {
      await transportFor(settings.smtpUrl).sendMail({
        from: settings.mailFrom,
        to: n.email_to,
        subject: n.title,
        text: link ? `${n.body}\n\n${link}` : n.body,
        messageId: `<notification-${n.id}@lamtheo>`,
      });
      await repo.setEmailState(db, n.id, { email_status: 'sent', email_error: null, emailed_at: new Date().toISOString() });
      counts.sent += 1;
    } catch (error) {
      const message = String((error as Error).message ?? error).slice(0, 500);
      await repo.setEmailState(db, n.id, { email_status: n.email_attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', email_error: message, emailed_at: null });
      counts.failed += 1;
    }
  }
  return counts;
}
