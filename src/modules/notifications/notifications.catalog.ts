/** Route catalogue entries for notifications (see src/test/route-catalog.ts): each person's own. */
import type { CatalogEntry } from '../../test/catalog-entry';

export const notificationsCatalog: CatalogEntry[] = [
  { method: 'GET', url: '/api/v1/notifications', probes: [{ kind: 'signed-in', status: 200, request: () => ({ query: { limit: 10 } }) }] },
  { method: 'POST', url: '/api/v1/notifications/read', probes: [{ kind: 'signed-in', status: 200, request: () => ({ body: { ids: 'all' } }) }] },
];
