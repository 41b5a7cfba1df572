/** Route catalogue entries for consolidation, completeness, trends and the report DOCX (see src/test/route-catalog.ts). */
import type { CatalogEntry } from '../../test/catalog-entry';
import { CATALOG_PERIOD, catalogSchedule, submittedReportOf } from '../../test/reporting-catalog';

const byUnit = (extra: Record<string, string> = {}) => [{
  kind: 'unit' as const, action: 'report.consolidation.read' as const,
  request: async (fx: Parameters<typeof catalogSchedule>[0], { target }: { target: number }) => ({ query: { unit: target, period: CATALOG_PERIOD, schedule: await catalogSchedule(fx), ...extra } }),
}];

export const consolidationCatalog: CatalogEntry[] = [
  { method: 'GET', url: '/api/v1/consolidation', probes: byUnit() },
  { method: 'GET', url: '/api/v1/consolidation/export.xlsx', probes: byUnit() },
  { method: 'GET', url: '/api/v1/consolidation/export.docx', probes: byUnit({ date: '2021-07-05' }) },
  { method: 'GET', url: '/api/v1/completeness', probes: byUnit() },
  {
    method: 'GET', url: '/api/v1/consolidation/trend',
    probes: [{ kind: 'unit', action: 'report.consolidation.read', request: async (fx, { target }) => ({ query: { unit: target, schedule: await catalogSchedule(fx) } }) }],
  },
  {
    method: 'GET', url: '/api/v1/reports/:id/export.docx',
    probes: [{ kind: 'unit', action: 'report.read', request: async (fx, { target }) => ({ params: { id: await submittedReportOf(fx, target) } }) }],
  },
];
