/** Route catalogue entries for report forms (see src/test/route-catalog.ts). */
import type { CatalogEntry } from '../../test/catalog-entry';
import { catalogForm } from '../../test/reporting-catalog';
import { TEST_FORM } from '../../test/reporting';

export const reportFormsCatalog: CatalogEntry[] = [
  { method: 'GET', url: '/api/v1/report-forms', probes: [{ kind: 'role', action: 'report.form.read', request: () => ({}) }] },
  {
    method: 'POST', url: '/api/v1/report-forms',
    probes: [{ kind: 'unit', action: 'report.form.manage', request: (fx, { target }) => ({ body: { code: fx.unique('bm-'), name: 'Biểu mẫu', ownerUnitId: target } }) }],
  },
  {
    method: 'GET', url: '/api/v1/report-forms/:id',
    probes: [{ kind: 'unit', action: 'report.form.read', request: async (fx, { target }) => ({ params: { id: await catalogForm(fx, target) } }) }],
  },
  {
    method: 'POST', url: '/api/v1/report-forms/:id/versions',
    probes: [{
      kind: 'unit', action: 'report.form.manage',
      request: async (fx, { target }) => {
        const id = await catalogForm(fx, target);
        const row = await fx.db.selectFrom('report_forms').select('current_version').where('id', '=', id).executeTakeFirstOrThrow();
        return { params: { id }, body: { baseVersion: row.current_version, definition: TEST_FORM, note: 'Sửa lần mới' } };
      },
    }],
  },
  { method: 'GET', url: '/api/v1/indicator-sources', probes: [{ kind: 'role', action: 'report.form.read', request: () => ({}) }] },
];
