import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json';

/** The fields an entry's hash covers: everything but the hash itself. */
export interface ChainedFields {
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  unit_id: number | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(fields: ChainedFields): string {
  // Only the chained fields: a stored row also carries its own hash (and may gain columns later).
  const { seq, at, actor_user_id, actor_name, unit_id, entity, entity_id, action, before_json, after_json, ip, prev_hash } = fields;
  const chained: ChainedFields = { seq, at, actor_user_id, actor_name, unit_id, entity, entity_id, action, before_json, after_json, ip, prev_hash };
  return createHash('sha256').update(canonicalJson(chained)).digest('hex');
}

export type ChainProblem = { seq: number; reason: string };

/**
 * Walks entries in storage order and reports the first one that breaks the chain:
 * a gap or reordering in seq, a prev_hash that does not match, or a hash that does not
 * match the entry's content (an edit).
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private previousHash = GENESIS_HASH;
  problem: ChainProblem | null = null;
  count = 0;

  accept(entry: ChainedFields & { hash: string }): boolean {
    if (this.problem) return false;
    if (entry.seq !== this.expectedSeq) {
      this.problem = {
        seq: entry.seq,
        reason: entry.seq > this.expectedSeq
          ? `entry ${this.expectedSeq} is missing (deleted) before entry ${entry.seq}`
          : `entry ${entry.seq} is out of order (expected ${this.expectedSeq})`,
      };
      return false;
    }
    if (entry.prev_hash !== this.previousHash) {
      this.problem = { seq: entry.seq, reason: `entry ${entry.seq} does not follow entry ${entry.seq - 1} (prev_hash differs)` };
      return false;
    }
    if (entryHash(entry) !== entry.hash) {
      this.problem = { seq: entry.seq, reason: `entry ${entry.seq} was modified (its hash does not match its content)` };
      return false;
    }
    this.previousHash = entry.hash;
    this.expectedSeq += 1;
    this.count += 1;
    return true;
  }

  /** The head records the last seq and hash; a deleted tail shows up here. */
  finish(head: { seq: number; hash: string }): void {
    if (this.problem) return;
    if (head.seq !== this.count || head.hash !== this.previousHash) {
      this.problem = head.seq > this.count
        ? { seq: this.count + 1, reason: `entries ${this.count + 1}–${head.seq} are missing (deleted from the end)` }
        : { seq: head.seq, reason: `the chain head (entry ${head.seq}) does not match the last entry (${this.count})` };
    }
  }

  get headHash(): string {
    return this.previousHash;
  }
}
