/** Figures plans already know, for record-sourced report indicators: plans issued to carry a plan out. */
import { z } from 'zod';
import { ownAreaUnitIds, RECORDS_SHOWN, type IndicatorSource, type SourceContext } from '../indicator-sources/indicator-sources.registry';
import { planRefs } from './plans.service';

const params = z.object({
  /** Count plans issued during the period only, or every one issued by its end (default). */
  within: z.enum(['period', 'to_date']).default('to_date'),
}).partial();

/**
 * Plans issued by units of the reporting unit's own area that concretize the schedule's plan
 * (any plan of theirs when the schedule has none), issued by the period's end.
 */
async function childPlansIssued(ctx: SourceContext) {
  const { within } = params.parse(ctx.params);
  const units = await ownAreaUnitIds(ctx);
  if (units.length === 0) return { value: 0, total: 0, records: [] };
  const rows = [];
  for (let i = 0; i < units.length; i += 5000) {
    let query = ctx.db.selectFrom('plans').select(['id', 'issued_on'])
      .where('issuer_unit_id', 'in', units.slice(i, i + 5000)).where('status', 'in', ['issued', 'closed'])
      .where('issued_on', '<=', ctx.range.end);
    if (within === 'period') query = query.where('issued_on', '>=', ctx.range.start);
    if (ctx.planId !== null) query = query.where('parent_plan_id', '=', ctx.planId);
    rows.push(...(await query.orderBy('issued_on').execute()));
  }
  const refs = await planRefs(ctx.db, rows.slice(0, RECORDS_SHOWN).map((r) => r.id));
  return {
    value: rows.length,
    total: rows.length,
    records: rows.slice(0, RECORDS_SHOWN).map((r) => {
      const ref = refs.get(r.id);
      return { entity: 'plan', id: r.id, label: ref ? `${ref.number ? `${ref.number} ` : ''}${ref.title}` : `#${r.id}`, link: `/app/plans/${r.id}` };
    }),
  };
}

export const planIndicatorSources: IndicatorSource[] = [{
  key: 'plans.child_plans_issued',
  label: { vi: 'Số kế hoạch cụ thể hóa đã ban hành (từ kế hoạch)', en: 'Plans issued to carry out the plan (from plans)' },
  description: {
    vi: 'Đếm các kế hoạch đã ban hành của đơn vị và các đơn vị trong phạm vi (không tính cấp dưới tự báo cáo) cụ thể hóa kế hoạch của lịch báo cáo, đến hết kỳ (hoặc trong kỳ).',
    en: "Counts plans issued by the unit and units of its own area that concretize the schedule's plan, by the period's end (or within it).",
  },
  valueType: 'integer',
  params,
  compute: childPlansIssued,
}];
