import { z } from 'zod';
import { hierarchyCode, id, msg, nonEmpty } from '../../core/contract';
import { CUTOFF_CONVENTIONS, PERIOD_TYPES, isPeriodKey, type CutoffConvention, type PeriodType } from '../../core/periods';

export const periodKeySchema = z.string().trim().max(40).refine((k) => isPeriodKey(k), {
  message: msg('không phải kỳ báo cáo (ví dụ 2021-H1, 2021, 2021-Q3, 2021-05, 2021-03-01..2021-04-15)', 'not a period (e.g. 2021-H1, 2021, 2021-Q3, 2021-05, 2021-03-01..2021-04-15)'),
}).meta({ example: '2021-H1' });

const kind = z.string().trim().min(1).max(48).regex(/^[a-z][a-z0-9_]*$/);

export const scheduleScope = z.object({
  /** Units of these kinds in the subtree report. */
  kinds: z.array(kind).min(1, { message: msg('chọn ít nhất một loại đơn vị báo cáo', 'choose at least one kind of reporting unit') }).max(30),
  /** Only this many levels below the consolidating unit (null: any depth). */
  maxDepth: z.number().int().min(1).max(20).nullable().default(null),
  includeUnitIds: z.array(id).max(2000).default([]),
  excludeUnitIds: z.array(id).max(2000).default([]),
}).meta({ id: 'ScheduleScope' });
export type ScheduleScope = z.infer<typeof scheduleScope>;

export const createScheduleBody = z.object({
  name: nonEmpty(300),
  formId: id,
  planId: id.nullable().optional(),
  unitId: id,
  recipientUnitId: id.nullable().optional(),
  hierarchy: hierarchyCode.default('party'),
  periodType: z.enum(PERIOD_TYPES as readonly [PeriodType, ...PeriodType[]]),
  cutoff: z.enum(CUTOFF_CONVENTIONS as readonly [CutoffConvention, ...CutoffConvention[]]).default('calendar'),
  dueOffsetDays: z.number().int().min(-31).max(366),
  firstPeriod: periodKeySchema,
  lastPeriod: periodKeySchema.nullable().optional(),
  scope: scheduleScope,
  reminderDays: z.array(z.number().int().min(1).max(60)).max(6).default([7, 3, 1]),
  active: z.boolean().default(true),
});
export type CreateScheduleInput = z.infer<typeof createScheduleBody>;

export const updateScheduleBody = z.object({
  name: nonEmpty(300).optional(),
  planId: id.nullable().optional(),
  recipientUnitId: id.nullable().optional(),
  dueOffsetDays: z.number().int().min(-31).max(366).optional(),
  lastPeriod: periodKeySchema.nullable().optional(),
  scope: scheduleScope.optional(),
  reminderDays: z.array(z.number().int().min(1).max(60)).max(6).optional(),
  active: z.boolean().optional(),
});
export type UpdateScheduleInput = z.infer<typeof updateScheduleBody>;

export const scheduleQuery = z.object({
  unit: id.optional(),
  plan: id.optional(),
  form: id.optional(),
  includeInactive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const schedulePeriod = z.object({
  key: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  dueDate: z.string(),
});

export const schedule = z.object({
  id: z.number().int(),
  name: z.string(),
  formId: z.number().int(),
  formName: z.string(),
  planId: z.number().int().nullable(),
  plan: z.object({ id: z.number().int(), title: z.string(), number: z.string().nullable() }).nullable(),
  hierarchy: z.string(),
  unitId: z.number().int(),
  unitName: z.string().nullable(),
  recipientUnitId: z.number().int().nullable(),
  recipientUnitName: z.string().nullable(),
  periodType: z.string(),
  cutoff: z.string(),
  dueOffsetDays: z.number().int(),
  firstPeriod: z.string(),
  lastPeriod: z.string().nullable(),
  scope: scheduleScope,
  reminderDays: z.array(z.number().int()),
  active: z.boolean(),
  periods: z.array(schedulePeriod),
}).meta({ id: 'ReportSchedule' });
export type Schedule = z.infer<typeof schedule>;

export const reportingUnitsQuery = z.object({ period: periodKeySchema });

export const reportingUnit = z.object({
  unitId: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  depth: z.number().int(),
  /** The reporting unit directly above it (null: it reports to the schedule's unit). */
  parentReporterId: z.number().int().nullable(),
  reviewerUnitId: z.number().int(),
});
