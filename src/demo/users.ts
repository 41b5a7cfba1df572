/**
 * Demo accounts, one per role at least, all with the password `lamtheo-demo` (accepted only
 * because the database is marked as the demo). Names are fictitious.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../core/actor';
import type { Database } from '../db/schema';
import * as users from '../modules/users/users.service';
import type { DemoContext } from './context';

export interface DemoLogin {
  username: string;
  displayName: string;
  role: Role;
  /** Code of the unit the role is granted at (in the party hierarchy). */
  unit: string;
  /** Code of the unit the person works in. */
  homeUnit: string;
}

export const DEMO_USERS: DemoLogin[] = [
  { username: 'admin', displayName: 'Đỗ Minh Khoa', role: 'admin', unit: 'TU-HP', homeUnit: 'TU-HP-VP' },
  { username: 'lanhdao', displayName: 'Lê Quang Vinh', role: 'leader', unit: 'TU-HP', homeUnit: 'TU-HP-BTV' },
  { username: 'tuyengiao', displayName: 'Trần Thị Thu Hà', role: 'coordinator', unit: 'TU-HP-BTG', homeUnit: 'TU-HP-BTG' },
  { username: 'lechan', displayName: 'Vũ Đức Long', role: 'reporter', unit: 'DU-305', homeUnit: 'DU-305' },
  { username: 'ngoquyen', displayName: 'Phạm Thị Lan', role: 'reporter', unit: 'DU-304', homeUnit: 'DU-304' },
  { username: 'kiemtra', displayName: 'Hoàng Văn Bình', role: 'inspector', unit: 'TU-HP', homeUnit: 'TU-HP-UBKT' },
  { username: 'bientap', displayName: 'Ngô Thị Mai', role: 'editor', unit: 'TU-HP', homeUnit: 'TU-HP-VP' },
  { username: 'xem', displayName: 'Bùi Văn Nam', role: 'viewer', unit: 'TU-HP', homeUnit: 'TU-HP-VP' },
  { username: 'chibo', displayName: 'Đặng Thị Hoa', role: 'reporter', unit: 'CB-THCS-HOANGDIEU', homeUnit: 'CB-THCS-HOANGDIEU' },
];

/** Create the accounts while the 2021 units still exist (grants at units dissolved later stay valid for 2021 work). */
export async function createDemoUsers(db: Kysely<Database>, ctx: DemoContext): Promise<void> {
  for (const u of DEMO_USERS) {
    // A throwaway password satisfies the account rules; the demo password replaces it at once.
    const created = await users.createUser(db, ctx.actor, {
      username: u.username, displayName: u.displayName, unitId: ctx.unit(u.homeUnit), password: randomBytes(18).toString('base64url'), locale: 'vi',
    });
    await users.setDemoPassword(db, ctx.actor, created.id);
    await users.addGrant(db, ctx.actor, created.id, { role: u.role, unitId: ctx.unit(u.unit), hierarchy: 'party' });
    ctx.userIds.set(u.username, created.id);
  }
}

/** After 1/7/2025 the propaganda officer works in the merged department too. */
export async function grantsAfterRestructuring(db: Kysely<Database>, ctx: DemoContext): Promise<void> {
  await users.addGrant(db, ctx.actor, ctx.user('tuyengiao'), { role: 'coordinator', unitId: ctx.unit('TU-HP-BTGDV'), hierarchy: 'party' });
}
