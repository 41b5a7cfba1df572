/** Permission-matrix and fuzzing entries for the user and grant routes (see src/test/route-catalog.ts). */
import type { CatalogEntry } from '../../test/catalog-entry';

export const usersCatalog: CatalogEntry[] = [
  {
    method: 'GET', url: '/api/v1/users',
    probes: [
      { kind: 'unit', action: 'user.read', request: (_fx, { target }) => ({ query: { unit: target } }) },
      // Without a unit the list is filtered to what the caller may see, so anyone signed in gets 200.
      { kind: 'signed-in', status: 200, request: () => ({ query: { q: 'muc' } }) },
    ],
  },
  {
    method: 'POST', url: '/api/v1/users',
    probes: [{
      kind: 'unit', action: 'user.manage',
      request: (fx, { target }) => ({
        body: { username: fx.unique('nguoi-moi-'), displayName: 'Người dùng mới', unitId: target, password: 'mat-khau-du-dai-1' },
      }),
    }],
  },
  {
    method: 'GET', url: '/api/v1/users/:id',
    probes: [{ kind: 'unit', action: 'user.read', request: async (fx, { target }) => ({ params: { id: (await fx.userAt(target)).userId } }) }],
  },
  {
    method: 'PATCH', url: '/api/v1/users/:id',
    probes: [{
      kind: 'unit', action: 'user.manage',
      request: async (fx, { target }) => ({ params: { id: (await fx.userAt(target)).userId }, body: { displayName: `Tên ${fx.unique('')}` } }),
    }],
  },
  {
    method: 'POST', url: '/api/v1/users/:id/active',
    probes: [{
      kind: 'unit', action: 'user.manage',
      request: async (fx, { target }) => ({ params: { id: (await fx.userAt(target)).userId }, body: { active: true } }),
    }],
  },
  {
    method: 'POST', url: '/api/v1/users/:id/password',
    probes: [{
      kind: 'unit', action: 'user.manage',
      request: async (fx, { target }) => ({ params: { id: (await fx.userAt(target)).userId }, body: { password: 'mat-khau-dat-lai-1' } }),
    }],
  },
  {
    method: 'POST', url: '/api/v1/users/:id/grants',
    probes: [{
      // Checks user.manage at the user's unit and grant.manage at the granted unit: both are the target.
      kind: 'unit', action: 'user.manage',
      request: async (fx, { target }) => {
        const user = await fx.userAt(target);
        await fx.withoutGrant(user.userId, target, 'viewer');
        return { params: { id: user.userId }, body: { role: 'viewer', unitId: target } };
      },
    }],
  },
  {
    method: 'DELETE', url: '/api/v1/users/:id/grants/:grantId',
    probes: [{
      kind: 'unit', action: 'grant.manage',
      request: async (fx, { target }) => {
        const user = await fx.userAt(target);
        return { params: { id: user.userId, grantId: await fx.grantOf(user.userId, target, 'viewer') } };
      },
    }],
  },
];
