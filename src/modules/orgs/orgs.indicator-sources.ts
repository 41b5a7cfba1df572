/** Figures the organization tree itself knows, for record-sourced report indicators. */
import { z } from 'zod';
import { msg } from '../../core/contract';
import { inForce } from '../../db/effective-dated';
import { RECORDS_SHOWN, type IndicatorSource, type SourceContext } from '../indicator-sources/indicator-sources.registry';

const kindsParams = z.object({
  kinds: z.array(z.string().trim().min(1).max(48)).min(1, { message: msg('cần ít nhất một loại đơn vị', 'needs at least one unit kind') }).max(20),
});

/**
 * Units of some kinds in the unit's own area: its subtree (itself included) less the subtrees of
 * units below that report on their own. Each unit is thus counted once, by the nearest reporting
 * unit at or above it: a reporting ward counts itself, its district counts the wards that do not report.
 */
async function unitsOfKind(ctx: SourceContext) {
  const { kinds } = kindsParams.parse(ctx.params);
  const base = ctx.db.selectFrom('org_closure as c')
    .innerJoin('org_unit_versions as v', 'v.unit_id', 'c.descendant_id')
    .where('c.hierarchy', '=', ctx.hierarchy)
    .where('c.ancestor_id', '=', ctx.unitId)
    .where('c.depth', '>=', 0)
    .where(inForce(ctx.treeDate, 'c'))
    .where(inForce(ctx.treeDate, 'v'))
    .where('v.kind', 'in', kinds)
    .$if(ctx.excludeSubtrees.length > 0, (q) => q.where((eb) => eb.not(eb.exists(
      eb.selectFrom('org_closure as x').select('x.depth')
        .whereRef('x.descendant_id', '=', 'c.descendant_id')
        .where('x.hierarchy', '=', ctx.hierarchy)
        .where('x.ancestor_id', 'in', ctx.excludeSubtrees)
        .where(inForce(ctx.treeDate, 'x')),
    ))));
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.select(['v.unit_id as id', 'v.name']).orderBy('v.name').limit(RECORDS_SHOWN).execute();
  return {
    value: Number(total.n),
    total: Number(total.n),
    records: rows.map((r) => ({ entity: 'org_unit', id: r.id, label: r.name, link: `/app/orgs/${r.id}` })),
  };
}

export const orgIndicatorSources: IndicatorSource[] = [{
  key: 'orgs.units_of_kind',
  label: { vi: 'Số đơn vị theo loại (từ hệ thống tổ chức)', en: 'Units of given kinds (from the organization tree)' },
  description: {
    vi: 'Đếm các đơn vị thuộc loại đã chọn trong phạm vi của đơn vị báo cáo (kể cả chính nó) tại ngày cuối kỳ, không tính phần của đơn vị cấp dưới tự báo cáo; ví dụ số chi bộ, số đảng bộ xã, phường.',
    en: "Counts units of the chosen kinds in the reporting unit's own area (itself included) at the period's end, less the parts whose units report on their own; e.g. party cells, commune committees.",
  },
  valueType: 'integer',
  params: kindsParams,
  compute: unitsOfKind,
}];
