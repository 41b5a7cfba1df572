/** Figures registrations already know, for record-sourced report indicators: issues registered and resolved. */
import { z } from 'zod';
import { ownAreaUnitIds, RECORDS_SHOWN, type IndicatorSource, type SourceContext } from '../indicator-sources/indicator-sources.registry';

const params = z.object({ within: z.enum(['period', 'to_date']).default('to_date') }).partial();

/** Registrations of units of the own area (under the schedule's plan, when it has one) in a state by the period's end. */
async function registrationsIn(ctx: SourceContext, resolved: boolean) {
  const { within } = params.parse(ctx.params);
  const units = await ownAreaUnitIds(ctx);
  if (units.length === 0) return { value: 0, total: 0, records: [] };
  const rows: Array<{ id: number; title: string }> = [];
  for (let i = 0; i < units.length; i += 5000) {
    let query = ctx.db.selectFrom('registrations').select(['id', 'title']).where('unit_id', 'in', units.slice(i, i + 5000));
    if (resolved) {
      query = query.where('status', '=', 'resolved').where('resolved_on', '<=', ctx.range.end);
      if (within === 'period') query = query.where('resolved_on', '>=', ctx.range.start);
    } else {
      // Registered = sent to the body above (drafts are the unit's own, not yet a commitment).
      query = query.where('status', '!=', 'draft').where('submitted_at', 'is not', null).where('submitted_at', '<', `${ctx.range.end}T17:00:00.000Z`);
      if (within === 'period') query = query.where('submitted_at', '>=', `${ctx.range.start}T00:00:00.000Z`);
    }
    if (ctx.planId !== null) query = query.where('plan_id', '=', ctx.planId);
    rows.push(...(await query.orderBy('id').execute()));
  }
  return {
    value: rows.length,
    total: rows.length,
    records: rows.slice(0, RECORDS_SHOWN).map((r) => ({ entity: 'registration', id: r.id, label: r.title, link: `/app/registrations/${r.id}` })),
  };
}

export const registrationIndicatorSources: IndicatorSource[] = [
  {
    key: 'registrations.registered',
    label: { vi: 'Số vấn đề đăng ký giải quyết dứt điểm (từ đăng ký)', en: 'Issues registered for decisive resolution (from registrations)' },
    description: {
      vi: 'Đếm các vấn đề đơn vị và các đơn vị trong phạm vi đã đăng ký (đã gửi) theo kế hoạch của lịch báo cáo, đến hết kỳ.',
      en: "Counts the issues the unit and units of its own area registered (sent) under the schedule's plan, by the period's end.",
    },
    valueType: 'integer', params, compute: (ctx) => registrationsIn(ctx, false),
  },
  {
    key: 'registrations.resolved',
    label: { vi: 'Số vấn đề đã giải quyết dứt điểm (từ đăng ký)', en: 'Registered issues resolved (from registrations)' },
    description: {
      vi: 'Đếm các vấn đề đã đăng ký được cấp trên xác nhận giải quyết dứt điểm, đến hết kỳ (hoặc trong kỳ).',
      en: 'Counts registered issues whose resolution the body above confirmed, by the period\'s end (or within it).',
    },
    valueType: 'integer', params, compute: (ctx) => registrationsIn(ctx, true),
  },
];
