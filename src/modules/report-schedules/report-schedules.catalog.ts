/** Route catalogue entries for reporting schedules (see src/test/route-catalog.ts). */
import type { CatalogEntry } from '../../test/catalog-entry';
import { CATALOG_PERIOD, catalogForm, catalogSchedule } from '../../test/reporting-catalog';

const scope = { kinds: ['quan_uy', 'dang_uy_xa_phuong'], maxDepth: null, includeUnitIds: [], excludeUnitIds: [] };

export const reportSchedulesCatalog: CatalogEntry[] = [
  {
    method: 'GET', url: '/api/v1/report-schedules',
    probes: [{ kind: 'unit', action: 'report.schedule.read', request: (_fx, { target }) => ({ query: { unit: target } }) }],
  },
  {
    method: 'POST', url: '/api/v1/report-schedules',
    probes: [{
      kind: 'unit', action: 'report.schedule.manage',
      request: async (fx, { target }) => ({ body: {
        name: `Lịch ${fx.unique('')}`, formId: await catalogForm(fx, fx.tree.city), unitId: target, periodType: 'half', cutoff: 'decree09',
        dueOffsetDays: 5, firstPeriod: '2021-H1', lastPeriod: '2021-H2', scope, reminderDays: [7, 3, 1],
      } }),
    }],
  },
  {
    method: 'GET', url: '/api/v1/report-schedules/:id',
    probes: [{ kind: 'unit', action: 'report.schedule.read', request: async (fx, { target }) => ({ params: { id: await catalogSchedule(fx, target) } }) }],
  },
  {
    method: 'PATCH', url: '/api/v1/report-schedules/:id',
    probes: [{ kind: 'unit', action: 'report.schedule.manage', request: async (fx, { target }) => ({ params: { id: await catalogSchedule(fx, target) }, body: { dueOffsetDays: 6 } }) }],
  },
  {
    method: 'GET', url: '/api/v1/report-schedules/:id/units',
    probes: [{ kind: 'unit', action: 'report.schedule.read', request: async (fx, { target }) => ({ params: { id: await catalogSchedule(fx, target) }, query: { period: CATALOG_PERIOD } }) }],
  },
];
