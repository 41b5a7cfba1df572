/**
 * A small tree and accounts for API tests, created through the services themselves
 * (no SQL shortcuts), so fixtures obey the same rules as real data.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { SYSTEM_CLI, type Role } from '../core/actor';
import type { Database } from '../db/schema';
import * as orgs from '../modules/orgs/orgs.service';
import * as users from '../modules/users/users.service';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-1';

export interface Tree {
  city: number;
  propaganda: number;
  districtA: number;
  wardA1: number;
  cellA1: number;
  districtB: number;
  wardB1: number;
  otherProvince: number;
}

/**
 * Thành ủy ─┬─ Ban Tuyên giáo
 *           ├─ Quận ủy A ── Đảng ủy phường A1 ── Chi bộ A1
 *           └─ Quận ủy B ── Đảng ủy phường B1
 * Tỉnh ủy khác (a separate root)
 */
export async function seedTree(db: Kysely<Database>, validFrom = '2020-01-01'): Promise<Tree> {
  const make = async (code: string, name: string, kind: string, parentId: number | null) =>
    (await orgs.createUnit(db, SYSTEM_CLI, { code, name, kind, parentId, hierarchy: 'party', validFrom })).id;
  const city = await make('TU', 'Thành ủy Thử Nghiệm', 'thanh_uy', null);
  const propaganda = await make('BTG', 'Ban Tuyên giáo Thành ủy', 'ban_tham_muu', city);
  const districtA = await make('QA', 'Quận ủy Đồ Sơn', 'quan_uy', city);
  const wardA1 = await make('PA1', 'Đảng ủy phường Vạn Hương', 'dang_uy_xa_phuong', districtA);
  const cellA1 = await make('CBA1', 'Chi bộ khu dân cư số 1', 'chi_bo', wardA1);
  const districtB = await make('QB', 'Quận ủy Dương Kinh', 'quan_uy', city);
  const wardB1 = await make('PB1', 'Đảng ủy phường Hòa Nghĩa', 'dang_uy_xa_phuong', districtB);
  const otherProvince = await make('TX', 'Tỉnh ủy Khác', 'thanh_uy', null);
  return { city, propaganda, districtA, wardA1, cellA1, districtB, wardB1, otherProvince };
}

export async function makeUser(
  db: Kysely<Database>, username: string, unitId: number, grants: Array<{ role: Role; unitId: number }> = [],
): Promise<number> {
  const user = await users.createUser(db, SYSTEM_CLI, { username, displayName: username, unitId, password: TEST_PASSWORD, locale: 'vi' });
  for (const g of grants) await users.addGrant(db, SYSTEM_CLI, user.id, { role: g.role, unitId: g.unitId, hierarchy: 'party' });
  return user.id;
}

/** A signed-in client: cookie and CSRF header added to every request. */
export interface Session {
  cookie: string;
  csrf: string;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'lamtheo_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = res.json().user.csrfToken as string;
  const cookieHeader = `lamtheo_session=${cookie.value}`;
  return {
    cookie: cookieHeader,
    csrf,
    inject: (opts) => app.inject({ ...opts, headers: { cookie: cookieHeader, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } }),
  };
}
