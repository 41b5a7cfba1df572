import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** fold(username + display name), kept in step by the users repository. */
  name_search: string;
  email: string | null;
  unit_id: number;
  password_hash: string | null;
  is_active: number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string | null;
  locale: string;
  created_at: string;
  updated_at: string;
}

/** Server-side sessions; `id` is the SHA-256 of the cookie token, never the token itself. */
export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** A role held at a unit, covering the unit's subtree in one hierarchy. */
export interface GrantsTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  unit_id: number;
  hierarchy: string;
  created_at: string;
  created_by: number | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

/** Small key/value facts about this database (e.g. whether it holds the demo dataset). */
export interface MetaTable {
  key: string;
  value: string;
}
