/**
 * Route catalogue entries for reports (see src/test/route-catalog.ts). The target is the report's
 * unit for filling and reading; for reviewing it is the receiving unit, so the report probed is
 * one of a ward the target district receives. Requests that consume a report get a fresh one.
 */
import { SYSTEM_CLI } from '../../core/actor';
import { figuresWorkbook } from '../../output/report-xlsx';
import { multipartFile, type CatalogEntry } from '../../test/catalog-entry';
import type { CatalogFixtures } from '../../test/catalog-fixtures';
import { catalogReport, catalogSchedule, freshPeriod, reportVersion, submittedReportOf } from '../../test/reporting-catalog';
import { TEST_FORM } from '../../test/reporting';
import * as review from './reports.review';

/** A ward under the receiving unit (the shared target is district A, which receives ward A1). */
const wardOf = (fx: CatalogFixtures, target: number) => (target === fx.tree.districtA ? fx.tree.wardA1 : fx.tree.wardB1);
const draftOf = (fx: CatalogFixtures, unitId: number, period: string) => fx.cached(`report-draft@${unitId}@${period}`, () => catalogReport(fx, unitId, { period, submit: false }));
const read = (extra: (fx: CatalogFixtures, id: number) => object = () => ({})) => ({
  kind: 'unit' as const, action: 'report.read' as const,
  request: async (fx: CatalogFixtures, { target }: { target: number }) => {
    const id = await submittedReportOf(fx, target);
    return { params: { id }, ...extra(fx, id) };
  },
});

export const reportsCatalog: CatalogEntry[] = [
  { method: 'GET', url: '/api/v1/reports', probes: [{ kind: 'signed-in', status: 200, request: () => ({ query: { limit: 20 } }) }] },
  {
    method: 'POST', url: '/api/v1/reports',
    probes: [{ kind: 'unit', action: 'report.fill', request: async (fx, { target }) => ({ body: { scheduleId: await catalogSchedule(fx), period: await freshPeriod(fx), unitId: target } }) }],
    // A unit fills only its own report: the fuzzer works on its own unit's (the city's consolidated report).
    fuzz: async (fx, me) => ({ body: { scheduleId: await catalogSchedule(fx), period: await freshPeriod(fx), unitId: me.unitId } }),
    fuzzOutcome: 'success',
  },
  { method: 'GET', url: '/api/v1/reports/:id', probes: [read()] },
  {
    method: 'PUT', url: '/api/v1/reports/:id',
    probes: [{
      kind: 'unit', action: 'report.fill',
      request: async (fx, { target }) => {
        const id = await draftOf(fx, target, '2021-05');
        return { params: { id }, body: { version: await reportVersion(fx, id), values: { members: 12 }, narrative: { results: 'Đã sửa.' } } };
      },
    }],
    fuzz: async (fx, me) => {
      const id = await draftOf(fx, me.unitId, '2021-05');
      return { params: { id }, body: { version: await reportVersion(fx, id), values: { members: 12 }, narrative: { results: 'Đã sửa.' } } };
    },
    fuzzOutcome: 'success',
  },
  {
    method: 'POST', url: '/api/v1/reports/:id/submit',
    probes: [{ kind: 'unit', action: 'report.fill', request: async (fx, { target }) => ({ params: { id: await catalogReport(fx, target, { submit: false }) }, body: { version: 2 } }) }],
    fuzz: async (fx, me) => ({ params: { id: await catalogReport(fx, me.unitId, { submit: false }) }, body: { version: 2 } }),
    fuzzOutcome: 'success',
  },
  {
    method: 'POST', url: '/api/v1/reports/:id/accept',
    probes: [{ kind: 'unit', action: 'report.review', request: async (fx, { target }) => ({ params: { id: await catalogReport(fx, wardOf(fx, target)) }, body: {} }) }],
    fuzz: async (fx) => ({ params: { id: await catalogReport(fx, fx.tree.districtA) }, body: {} }),
    fuzzOutcome: 'success',
  },
  {
    method: 'POST', url: '/api/v1/reports/:id/return',
    probes: [{ kind: 'unit', action: 'report.review', request: async (fx, { target }) => ({ params: { id: await catalogReport(fx, wardOf(fx, target)) }, body: { comment: 'Bổ sung số liệu' } }) }],
    fuzz: async (fx) => ({ params: { id: await catalogReport(fx, fx.tree.districtA) }, body: { comment: 'Bổ sung số liệu' } }),
    fuzzOutcome: 'success',
  },
  {
    method: 'GET', url: '/api/v1/reports/:id/versions/:seq',
    probes: [{ kind: 'unit', action: 'report.read', request: async (fx, { target }) => ({ params: { id: await submittedReportOf(fx, target), seq: 1 } }) }],
  },
  { method: 'GET', url: '/api/v1/reports/:id/diff', probes: [read(() => ({ query: { from: 1, to: 1 } }))] },
  { method: 'GET', url: '/api/v1/reports/:id/compiled', probes: [read()] },
  { method: 'GET', url: '/api/v1/reports/:id/flags', probes: [read()] },
  {
    method: 'POST', url: '/api/v1/reports/:id/highlights',
    probes: [{ kind: 'unit', action: 'report.review', request: async (fx, { target }) => ({ params: { id: await catalogReport(fx, wardOf(fx, target)) }, body: { section: 'results', paragraph: 0 } }) }],
    fuzz: async (fx) => ({ params: { id: await catalogReport(fx, fx.tree.districtA) }, body: { section: 'results', paragraph: 0 } }),
    fuzzOutcome: 'success',
  },
  {
    method: 'DELETE', url: '/api/v1/reports/:id/highlights/:highlightId',
    probes: [{
      kind: 'unit', action: 'report.review',
      request: async (fx, { target }) => {
        const id = await catalogReport(fx, wardOf(fx, target));
        const mark = await fx.write((tx) => review.addHighlight(tx, SYSTEM_CLI, id, { section: 'results', paragraph: 1 }));
        return { params: { id, highlightId: mark.id } };
      },
    }],
    fuzz: async (fx) => {
      const id = await catalogReport(fx, fx.tree.districtA);
      const mark = await fx.write((tx) => review.addHighlight(tx, SYSTEM_CLI, id, { section: 'results', paragraph: 1 }));
      return { params: { id, highlightId: mark.id } };
    },
    fuzzOutcome: 'success',
  },
  { method: 'GET', url: '/api/v1/reports/:id/export.xlsx', probes: [read()] },
  {
    method: 'POST', url: '/api/v1/reports/:id/import.xlsx',
    probes: [{
      kind: 'unit', action: 'report.fill',
      request: async (fx, { target }) => {
        const id = await draftOf(fx, target, '2021-04');
        const bytes = await figuresWorkbook({ title: 'Báo cáo', lines: [], definition: TEST_FORM, own: { members: 9 }, sourced: {}, aggregate: {}, totals: {} });
        const raw = multipartFile('file', 'so-lieu.xlsx', bytes);
        return { params: { id }, query: { version: await reportVersion(fx, id) }, raw };
      },
    }],
    fuzz: async (fx, me) => {
      const id = await draftOf(fx, me.unitId, '2021-04');
      const bytes = await figuresWorkbook({ title: 'Báo cáo', lines: [], definition: TEST_FORM, own: { members: 9 }, sourced: {}, aggregate: {}, totals: {} });
      return { params: { id }, query: { version: await reportVersion(fx, id) }, raw: multipartFile('file', 'so-lieu.xlsx', bytes) };
    },
    fuzzOutcome: 'success',
  },
  { method: 'GET', url: '/api/v1/review-inbox', probes: [{ kind: 'signed-in', status: 200, request: () => ({}) }] },
];
