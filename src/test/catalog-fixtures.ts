/**
 * Helpers the route catalogue's request builders use to make the objects a request needs
 * (a unit, a user at a unit, a grant, an API token). Everything is made through the services
 * as the system actor, so the objects obey the same rules as real data; reusable objects are
 * made once per database and cached.
 */
import type { Kysely } from 'kysely';
import { SYSTEM_CLI, type Role, type UserActor } from '../core/actor';
import { todayVn } from '../core/dates';
import type { Database } from '../db/schema';
import type { FileStore } from '../modules/files/file-store';
import * as auth from '../modules/auth/auth.service';
import * as orgs from '../modules/orgs/orgs.service';
import * as usersRepo from '../modules/users/users.repository';
import * as users from '../modules/users/users.service';
import { makeUser, type Tree } from './fixtures';

/** The signed-in user a probe or the fuzzer sends requests as. */
export interface Me {
  userId: number;
  username: string;
  unitId: number;
}

export interface CatalogFixtures {
  db: Kysely<Database>;
  tree: Tree;
  /** Where the app under test keeps uploaded bytes (for making attachments through a service). */
  fileStore: FileStore;
  /** Today in Vietnam: effective dates of restructurings in the tests. */
  today: string;
  /** A name nobody used yet in this database, lower-case: `prefix` + a counter. */
  unique(prefix: string): string;
  /** The code of a unit. */
  codeOf(unitId: number): Promise<string>;
  /** A new unit (kind chi_bo, in force since 2024-01-01) under a parent. */
  freshUnit(parentId: number): Promise<number>;
  /** A user belonging to the unit, made once and reused (password TEST_PASSWORD, no grants of its own). */
  userAt(unitId: number): Promise<Me>;
  /** Ensure the user holds the role at the unit; returns the grant id. */
  grantOf(userId: number, unitId: number, role?: Role): Promise<number>;
  /** Ensure the user does not hold the role at the unit. */
  withoutGrant(userId: number, unitId: number, role?: Role): Promise<void>;
  /** An API token of the user, made once and reused (not the one the fuzzer signs in with). */
  tokenOf(userId: number): Promise<number>;
  /** Make something once per database and reuse it: `fx.cached(`plan@${unit}`, () => makePlan(unit))`. */
  cached<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** Run a service call in its own committed transaction. */
  write<T>(work: (tx: Kysely<Database>) => Promise<T>): Promise<T>;
}

export function catalogFixtures(db: Kysely<Database>, tree: Tree, fileStore: FileStore): CatalogFixtures {
  let counter = 0;
  const cache = new Map<string, Promise<unknown>>();
  const usersAt = new Map<number, Promise<Me>>();
  const tokens = new Map<number, Promise<number>>();
  const write = <T>(work: (tx: Kysely<Database>) => Promise<T>) => db.transaction().execute(work);
  const unique = (prefix: string) => `${prefix}${++counter}`;

  const fx: CatalogFixtures = {
    db,
    tree,
    fileStore,
    write,
    cached<T>(key: string, make: () => Promise<T>) {
      let value = cache.get(key) as Promise<T> | undefined;
      if (!value) {
        value = make();
        cache.set(key, value);
      }
      return value;
    },
    today: todayVn(),
    unique,
    async codeOf(unitId) {
      const unit = await db.selectFrom('org_units').select('code').where('id', '=', unitId).executeTakeFirstOrThrow();
      return unit.code;
    },
    async freshUnit(parentId) {
      const code = unique('MOI-');
      const unit = await write((tx) => orgs.createUnit(tx, SYSTEM_CLI, {
        code, name: `Chi bộ thử nghiệm ${code}`, kind: 'chi_bo', parentId, hierarchy: 'party', validFrom: '2024-01-01',
      }));
      return unit.id;
    },
    userAt(unitId) {
      let user = usersAt.get(unitId);
      if (!user) {
        user = (async () => {
          const username = `muc-tieu-${unitId}`;
          const userId = await write((tx) => makeUser(tx, username, unitId));
          return { userId, username, unitId };
        })();
        usersAt.set(unitId, user);
      }
      return user;
    },
    async grantOf(userId, unitId, role = 'viewer') {
      const existing = (await usersRepo.grantsFor(db, [userId])).find((g) => g.unit_id === unitId && g.role === role);
      if (existing) return existing.id;
      return (await write((tx) => users.addGrant(tx, SYSTEM_CLI, userId, { role, unitId, hierarchy: 'party' }))).id;
    },
    async withoutGrant(userId, unitId, role = 'viewer') {
      const existing = (await usersRepo.grantsFor(db, [userId])).find((g) => g.unit_id === unitId && g.role === role);
      if (existing) await write((tx) => users.removeGrant(tx, SYSTEM_CLI, userId, existing.id));
    },
    tokenOf(userId) {
      let token = tokens.get(userId);
      if (!token) {
        token = (async () => {
          const owner = await usersRepo.findUser(db, userId);
          if (!owner) throw new Error(`no user ${userId}`);
          const actor: UserActor = {
            kind: 'user', userId, username: owner.username, displayName: owner.display_name, unitId: owner.unit_id, grants: [], via: 'session',
          };
          return (await write((tx) => auth.createToken(tx, actor, { name: 'khóa mục tiêu' }))).id;
        })();
        tokens.set(userId, token);
      }
      return token;
    },
  };
  return fx;
}
