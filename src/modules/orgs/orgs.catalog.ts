/** Permission-matrix and fuzzing entries for the organization routes (see src/test/route-catalog.ts). */
import { multipartFile, type CatalogEntry } from '../../test/catalog-entry';
import type { CatalogFixtures } from '../../test/catalog-fixtures';

/** Restructurings consume their target: each case gets a new unit under district A (sibling: ward A1). */
const freshTarget = (fx: CatalogFixtures) => fx.freshUnit(fx.tree.districtA);

export const orgsCatalog: CatalogEntry[] = [
  {
    method: 'GET', url: '/api/v1/org-units',
    probes: [
      { kind: 'unit', action: 'org.read', request: (_fx, { target }) => ({ query: { root: target } }) },
      { kind: 'role', action: 'org.read', request: () => ({ query: { hierarchy: 'party' } }) },
    ],
  },
  {
    method: 'GET', url: '/api/v1/org-units/:id',
    probes: [{ kind: 'unit', action: 'org.read', request: (_fx, { target }) => ({ params: { id: target } }) }],
  },
  {
    method: 'GET', url: '/api/v1/org-units/:id/lineage',
    probes: [{ kind: 'unit', action: 'org.read', request: (_fx, { target }) => ({ params: { id: target } }) }],
  },
  {
    method: 'POST', url: '/api/v1/org-units',
    probes: [{
      kind: 'unit', action: 'org.restructure',
      request: (fx, { target }) => {
        const code = fx.unique('CB-MOI-');
        return { body: { code, name: `Chi bộ ${code}`, kind: 'chi_bo', parentId: target, validFrom: fx.today } };
      },
    }],
  },
  {
    method: 'POST', url: '/api/v1/org-units/:id/rename',
    probes: [{
      kind: 'unit', action: 'org.restructure',
      request: (fx, { target }) => ({ params: { id: target }, body: { name: `Tên mới ${fx.unique('')}`, effectiveDate: fx.today } }),
    }],
  },
  {
    method: 'POST', url: '/api/v1/org-units/:id/move',
    probes: [{
      kind: 'unit', action: 'org.restructure', freshTarget,
      // Granted at the unit itself, nothing outside it is in reach: the only destination left is
      // the unit itself, which validation refuses.
      request: (fx, { target, relation }) => ({
        params: { id: target }, body: { parentId: relation === 'self' ? target : fx.tree.wardA1, effectiveDate: fx.today },
      }),
      passesAuthButFails: { self: 400 },
    }],
  },
  {
    method: 'POST', url: '/api/v1/org-units/:id/split',
    probes: [{
      kind: 'unit', action: 'org.restructure', freshTarget,
      // The parts go under the unit's parent, out of reach of a grant at the unit itself; under
      // the unit itself they are refused by validation.
      request: (fx, { target, relation }) => ({
        params: { id: target },
        body: {
          parts: [1, 2].map((n) => {
            const code = fx.unique(`TACH-${n}-`);
            return { code, name: `Chi bộ ${code}`, kind: 'chi_bo', ...(relation === 'self' ? { parentId: target } : {}) };
          }),
          effectiveDate: fx.today,
        },
      }),
      passesAuthButFails: { self: 400 },
    }],
  },
  {
    method: 'POST', url: '/api/v1/org-units/:id/dissolve',
    probes: [{
      kind: 'unit', action: 'org.restructure', freshTarget,
      request: (fx, { target }) => ({ params: { id: target }, body: { effectiveDate: fx.today, note: 'Giải thể thử nghiệm' } }),
    }],
  },
  {
    method: 'POST', url: '/api/v1/org-merges',
    probes: [{
      kind: 'unit', action: 'org.restructure', freshTarget,
      // The target is the merged unit; the receiver lies in the same grant's reach (ward A1 beside
      // it, or for a grant at the unit itself a unit inside it, which validation refuses).
      request: async (fx, { target, relation }) => ({
        body: {
          sourceIds: [target],
          into: { unitId: relation === 'self' ? await fx.freshUnit(target) : fx.tree.wardA1 },
          effectiveDate: fx.today,
        },
      }),
      passesAuthButFails: { self: 400 },
    }],
  },
  {
    method: 'GET', url: '/api/v1/org-kinds',
    probes: [{ kind: 'role', action: 'org.read', request: () => ({}) }],
  },
  {
    method: 'POST', url: '/api/v1/org-kinds',
    probes: [{
      kind: 'role', action: 'org.restructure',
      request: (fx) => ({ body: { code: fx.unique('loai_moi_'), nameVi: 'Loại thử nghiệm', nameEn: 'Test kind' } }),
    }],
  },
  {
    method: 'GET', url: '/api/v1/org-hierarchies',
    probes: [{ kind: 'role', action: 'org.read', request: () => ({}) }],
  },
  {
    method: 'POST', url: '/api/v1/org-units/import',
    probes: [{
      // One row under the target: the import checks org.restructure at every parent it names.
      kind: 'unit', action: 'org.restructure',
      request: async (fx, { target }) => {
        const code = fx.unique('NHAP-');
        const [y, m, d] = fx.today.split('-');
        const csv = `code,name,short_name,kind,parent_code,state_parent_code,valid_from\n${code},Chi bộ ${code},,chi_bo,${await fx.codeOf(target)},,${d}/${m}/${y}\n`;
        return { raw: multipartFile('file', 'don-vi.csv', csv) };
      },
    }],
  },
  {
    method: 'GET', url: '/api/v1/org-units/export',
    probes: [
      { kind: 'unit', action: 'org.read', request: (_fx, { target }) => ({ query: { root: target, format: 'csv' } }) },
      { kind: 'role', action: 'org.read', request: () => ({ query: { format: 'csv' } }) },
    ],
  },
];
