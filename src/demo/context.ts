/**
 * What each part of the demo hands to the next: the ids of the units and users created so far,
 * by their fixed codes and usernames. Parts are appended in src/demo/index.ts as
 * `await loadDemoX(db, ctx)` and look things up with `ctx.unit('TU-HP')`, `ctx.user('lechan')`.
 */
import type { SystemActor } from '../core/actor';

export interface DemoContext {
  /** Every demo unit (2021 and later) by code. */
  unitIds: Map<string, number>;
  /** Every demo user by username. */
  userIds: Map<string, number>;
  /** The actor demo data is recorded as (audit shows `system:demo`). */
  actor: SystemActor;
  log: (line: string) => void;
  /** The id of a unit by code; throws when the demo has no such unit. */
  unit(code: string): number;
  /** The id of a user by username; throws when the demo has no such user. */
  user(username: string): number;
}

export const DEMO_ACTOR: SystemActor = { kind: 'system', name: 'demo' };

export function createDemoContext(log: (line: string) => void): DemoContext {
  const unitIds = new Map<string, number>();
  const userIds = new Map<string, number>();
  return {
    unitIds, userIds, actor: DEMO_ACTOR, log,
    unit(code) {
      const found = unitIds.get(code);
      if (found === undefined) throw new Error(`demo: no unit with code ${code}`);
      return found;
    },
    user(username) {
      const found = userIds.get(username);
      if (found === undefined) throw new Error(`demo: no user ${username}`);
      return found;
    },
  };
}
