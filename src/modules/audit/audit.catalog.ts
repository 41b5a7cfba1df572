/** Permission-matrix and fuzzing entries for the audit routes (see src/test/route-catalog.ts). */
import type { CatalogEntry } from '../../test/catalog-entry';

export const auditCatalog: CatalogEntry[] = [
  {
    method: 'GET', url: '/api/v1/audit',
    probes: [
      { kind: 'unit', action: 'audit.read', request: (_fx, { target }) => ({ query: { unit: target, limit: 20 } }) },
      { kind: 'role', action: 'audit.read', request: () => ({ query: { limit: 20 } }) },
    ],
  },
  {
    method: 'GET', url: '/api/v1/audit/verify',
    probes: [{ kind: 'role', action: 'audit.read', request: () => ({}) }],
  },
];
