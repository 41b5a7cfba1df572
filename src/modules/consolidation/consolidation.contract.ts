import { z } from 'zod';
import { id, isoDate } from '../../core/contract';
import { periodKeySchema } from '../report-schedules/report-schedules.contract';

export const consolidationQuery = z.object({
  unit: id,
  period: periodKeySchema,
  structure: z.enum(['then', 'now']).default('then'),
  /** Which schedule, when several cover the unit for that kind of period. */
  schedule: id.optional(),
  /** For structure=now: the day whose tree is "now" (default today). */
  asOf: isoDate.optional(),
});
export type ConsolidationQuery = z.infer<typeof consolidationQuery>;

export const completenessQuery = z.object({ unit: id, period: periodKeySchema, schedule: id.optional() });
export const trendQuery = z.object({
  unit: id,
  schedule: id,
  from: periodKeySchema.optional(),
  to: periodKeySchema.optional(),
});

const figure = z.object({ value: z.number().nullable(), n: z.number().int() });

export const consolidation = z.object({
  schedule: z.object({ id: z.number().int(), name: z.string(), formId: z.number().int() }),
  period: z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string(), dueDate: z.string(), cutoff: z.string() }),
  structure: z.enum(['then', 'now']),
  /** The day whose tree was used. */
  treeDate: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  indicators: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string().nullable(), type: z.string(), aggregation: z.string() })),
  figures: z.record(z.string(), figure),
  rows: z.array(z.object({
    unitId: z.number().int(),
    name: z.string(),
    kind: z.string().nullable(),
    /** own: the unit's own report; unit: a unit below with everything under it; undivided: figures of split units. */
    role: z.enum(['own', 'unit', 'direct']),
    values: z.record(z.string(), z.number().nullable()),
    reports: z.number().int(),
    flags: z.number().int(),
  })),
  included: z.object({ count: z.number().int(), items: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), reportId: z.number().int(), decidedAt: z.string().nullable() })) }),
  missing: z.object({ count: z.number().int(), items: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), status: z.string() })) }),
  mapping: z.array(z.object({
    fromUnitId: z.number().int(), fromName: z.string(), toUnitId: z.number().int().nullable(), toName: z.string().nullable(), rule: z.string(),
    among: z.array(z.object({ id: z.number().int(), name: z.string() })),
  })),
  rule: z.string().nullable(),
}).meta({ id: 'Consolidation' });
export type Consolidation = z.infer<typeof consolidation>;

export const COMPLETENESS_STATUSES = ['on_time', 'late', 'missing', 'returned', 'not_due'] as const;
const counts = z.object({ expected: z.number().int(), on_time: z.number().int(), late: z.number().int(), missing: z.number().int(), returned: z.number().int(), not_due: z.number().int(), accepted: z.number().int(), awaiting_review: z.number().int() });

export const completeness = z.object({
  schedule: z.object({ id: z.number().int(), name: z.string() }),
  period: z.object({ key: z.string(), label: z.string(), dueDate: z.string() }),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  today: z.string(),
  summary: counts,
  units: z.array(z.object({
    unitId: z.number().int(), name: z.string(), kind: z.string(), depth: z.number().int(), parentReporterId: z.number().int().nullable(),
    reviewerUnitId: z.number().int(), status: z.enum(COMPLETENESS_STATUSES), review: z.string(), reportId: z.number().int().nullable(),
    firstSubmittedAt: z.string().nullable(), daysLate: z.number().int().nullable(),
  })),
  byUnit: z.array(z.object({ unitId: z.number().int(), name: z.string(), counts })),
}).meta({ id: 'Completeness' });
export type Completeness = z.infer<typeof completeness>;

export const trend = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  schedule: z.object({ id: z.number().int(), name: z.string() }),
  indicators: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string().nullable() })),
  periods: z.array(z.object({ key: z.string(), label: z.string(), values: z.record(z.string(), z.number().nullable()), reports: z.number().int() })),
}).meta({ id: 'Trend' });
