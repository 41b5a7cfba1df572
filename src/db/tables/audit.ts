/** Append-only, hash-chained log; `hash` = SHA-256 over prev_hash and the entry's canonical fields. */
export interface AuditLogTable {
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
  hash: string;
}

/** The chain's head, locked while appending so concurrent writers cannot fork the chain. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
