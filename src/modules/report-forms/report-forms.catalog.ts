/** Route catalogue entries for report forms (see src/test/route-catalog.ts). */
import { SYSTEM_CLI } from '../../core/actor';
import type { CatalogEntry } from '../../test/catalog-entry';
import type { CatalogFixtures } from '../../test/catalog-fixtures';
import * as plans from '../plans/plans.service';
import { catalogForm } from '../../test/reporting-catalog';
import { TEST_FORM } from '../../test/reporting';

/** A draft plan of the unit with one task (made once per unit). */
const planTaskOf = (fx: CatalogFixtures, unitId: number) => fx.cached(`report-plan-task@${unitId}`, async () => {
  const plan = await fx.write((tx) => plans.createPlan(tx, SYSTEM_CLI, {
    issuerUnitId: unitId, title: `Kế hoạch ${fx.unique('')}`, issuingBody: 'Ban Thường vụ', year: Number(fx.today.slice(0, 4)), place: 'Hải Phòng',
    purposes: ['Mục đích'], requirements: [], implementation: [], implementsDocumentIds: [], requiredUnitIds: [], concretizeDueOn: null,
    signerCapacity: null, signerTitle: null, signerName: null, recipients: [],
    taskGroups: [{ title: 'Nhóm nhiệm vụ', tasks: [{ title: 'Nhiệm vụ', leadUnitId: unitId }] }],
  }));
  return { planId: plan.id, taskId: plan.tasks[1].id };
});
const linkRequest = async (fx: CatalogFixtures, unitId: number) => {
  const { planId, taskId } = await planTaskOf(fx, unitId);
  return { params: { id: planId, taskId }, body: { indicators: [{ formId: await catalogForm(fx, fx.tree.city), code: 'members' }] } };
};

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
  { method: 'GET', url: '/api/v1/indicator-refs', probes: [{ kind: 'role', action: 'report.form.read', request: () => ({ query: { ids: '1,2' } }) }] },
  {
    method: 'PUT', url: '/api/v1/plans/:id/tasks/:taskId/indicators',
    probes: [{ kind: 'unit', action: 'plan.draft', request: (fx, { target }) => linkRequest(fx, target) }],
    // A unit drafts only its own plans: the fuzzer links a task of its own unit's plan.
    fuzz: (fx, me) => linkRequest(fx, me.unitId),
    fuzzOutcome: 'success',
  },
];
