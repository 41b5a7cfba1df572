/** Permission-matrix and fuzzing entries for sign-in, own profile and API tokens (see src/test/route-catalog.ts). */
import type { CatalogEntry } from '../../test/catalog-entry';
import { TEST_PASSWORD } from '../../test/fixtures';

export const authCatalog: CatalogEntry[] = [
  {
    method: 'POST', url: '/api/v1/auth/login',
    probes: [{ kind: 'signed-in', status: 200, request: (_fx, me) => ({ body: { username: me.username, password: TEST_PASSWORD } }) }],
    anonymous: {
      status: 200,
      request: async (fx) => ({ body: { username: (await fx.userAt(fx.tree.districtA)).username, password: TEST_PASSWORD } }),
    },
    // An unknown user: failed attempts at a real account would lock it.
    fuzz: () => ({ body: { username: 'khong-ai-co-ten-nay', password: 'sai-mat-khau-1' } }),
  },
  {
    method: 'POST', url: '/api/v1/auth/logout',
    probes: [{ kind: 'signed-in', status: 200, ownSession: true, request: () => ({}) }],
    // Signing out without a session is harmless and answered 200.
    anonymous: { status: 200, request: () => ({}) },
  },
  {
    method: 'GET', url: '/api/v1/me',
    probes: [{ kind: 'signed-in', status: 200, request: () => ({}) }],
  },
  {
    method: 'POST', url: '/api/v1/me/password',
    probes: [{ kind: 'signed-in', status: 200, request: () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } }) }],
  },
  {
    method: 'GET', url: '/api/v1/me/tokens',
    probes: [{ kind: 'signed-in', status: 200, request: () => ({}) }],
  },
  {
    method: 'POST', url: '/api/v1/me/tokens',
    probes: [{ kind: 'signed-in', status: 201, request: () => ({ body: { name: 'Khóa tích hợp' } }) }],
  },
  {
    method: 'DELETE', url: '/api/v1/tokens/:id',
    probes: [
      // Someone else's token: token.manage at its owner's unit.
      { kind: 'unit', action: 'token.manage', request: async (fx, { target }) => ({ params: { id: await fx.tokenOf((await fx.userAt(target)).userId) } }) },
      // One's own token: always.
      { kind: 'signed-in', status: 200, request: async (fx, me) => ({ params: { id: await fx.tokenOf(me.userId) } }) },
    ],
  },
];
