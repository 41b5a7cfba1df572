/** Settings come from the environment, with defaults that run the embedded demo. */
import path from 'node:path';

export interface Config {
  databaseUrl: string | undefined;
  host: string;
  port: number;
  /** Absolute base URL of the public site (for links, QR codes, RSS); derived from the request when unset. */
  publicUrl: string | null;
  dataDir: string;
  webDist: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Behind a reverse proxy that terminates HTTPS: trust X-Forwarded-* so cookies get `Secure`. */
  trustProxy: boolean;
  logLevel: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** Seconds between reminder passes of the in-process scheduler; 0 turns it off. */
  reminderIntervalSeconds: number;
}

function int(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    host: env.HOST ?? '0.0.0.0',
    port: int('PORT', 3000, env),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    dataDir,
    webDist: path.resolve(env.WEB_DIST ?? 'dist/web'),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30, env),
    sessionMaxHours: int('SESSION_MAX_HOURS', 12, env),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, env),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, env),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'lamtheo <no-reply@lamtheo.local>',
    reminderIntervalSeconds: env.REMINDER_INTERVAL_SECONDS === '0' ? 0 : int('REMINDER_INTERVAL_SECONDS', 300, env),
  };
}
