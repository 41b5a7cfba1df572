import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { canonicalJson } from '../../core/canonical-json';
import { todayVn } from '../../core/dates';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import { ChainVerifier } from './audit.chain';
import * as repo from './audit.repository';

type Db = Kysely<Database>;

/** Fields that never enter the audit trail, even hashed. */
const SECRET_FIELDS = new Set(['password_hash', 'passwordHash', 'password', 'token_hash', 'tokenHash', 'token', 'csrf_token']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELDS.has(k) ? '[redacted]' : redact(v);
    return out;
  }
  return value;
}

function serialize(value: unknown): string | null {
  return value === undefined || value === null ? null : canonicalJson(redact(value));
}

export interface AuditChange {
  entity: string;
  entityId?: string | number | null;
  action: string;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
}

function toEntry(actor: Actor | null, change: AuditChange, now: Date, ip?: string | null): repo.NewAuditEntry {
  return {
    at: now.toISOString(),
    actor_user_id: actor?.kind === 'user' ? actor.userId : null,
    actor_name: actor ? (actor.kind === 'user' ? actor.username : `system:${actor.name}`) : null,
    unit_id: change.unitId ?? null,
    entity: change.entity,
    entity_id: change.entityId === undefined || change.entityId === null ? null : String(change.entityId),
    action: change.action,
    before_json: serialize(change.before),
    after_json: serialize(change.after),
    ip: ip ?? (actor?.kind === 'user' ? actor.ip ?? null : null),
  };
}

/** Append to the hash-chained trail inside the caller's transaction (the change and its record commit together). */
export async function record(db: Db, actor: Actor | null, change: AuditChange, now: Date = new Date()): Promise<void> {
  await repo.appendEntry(db, toEntry(actor, change, now));
}

/** A security event of a request that did not succeed (failed login, refused permission): its own transaction. */
export async function recordStandalone(db: Db, actor: Actor | null, change: AuditChange & { ip?: string | null }): Promise<void> {
  await db.transaction().execute((tx) => repo.appendEntry(tx, toEntry(actor, change, new Date(), change.ip)));
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  headSeq: number;
  headHash: string;
  firstBad: { seq: number; reason: string } | null;
}

/** Recompute the chain from the first entry; names the first entry that was edited, deleted or reordered. */
export async function verifyAsUser(db: Db, actor: Actor | null): Promise<VerifyResult> {
  await access.authorize(db, actor, { action: 'audit.read', unitId: null });
  return verify(db);
}

export async function verify(db: Db): Promise<VerifyResult> {
  const verifier = new ChainVerifier();
  for await (const entry of repo.scanEntries(db)) {
    if (!verifier.accept(entry)) break;
  }
  const head = await repo.readHead(db);
  verifier.finish(head);
  return { ok: verifier.problem === null, entries: verifier.count, headSeq: head.seq, headHash: head.hash, firstBad: verifier.problem };
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  unitId: number | null;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
  hash: string;
}

/** Entries about one unit's subtree (or every subtree the actor may audit), newest first. */
export async function list(
  db: Db, actor: Actor | null,
  q: { unit?: number; entity?: string; entityId?: string; before?: number; limit: number },
): Promise<AuditEntryView[]> {
  let roots: Array<{ unitId: number; hierarchy: string }> | null;
  if (q.unit !== undefined) {
    await access.authorize(db, actor, { action: 'audit.read', unitId: q.unit });
    roots = [{ unitId: q.unit, hierarchy: 'party' }];
  } else {
    await access.authorize(db, actor, { action: 'audit.read', unitId: null });
    roots = access.scopeRoots(actor, 'audit.read');
  }
  const rows = await repo.listEntries(db, {
    scopeRoots: roots, entity: q.entity, entityId: q.entityId, beforeSeq: q.before, limit: q.limit, asOf: todayVn(),
  });
  return rows.map((r) => ({
    seq: r.seq, at: r.at, actorUserId: r.actor_user_id, actorName: r.actor_name, unitId: r.unit_id,
    entity: r.entity, entityId: r.entity_id, action: r.action,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
    hash: r.hash,
  }));
}
