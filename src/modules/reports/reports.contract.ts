import { z } from 'zod';
import { id, msg } from '../../core/contract';
import { formDefinition } from '../report-forms/report-forms.contract';
import { periodKeySchema } from '../report-schedules/report-schedules.contract';

export const REPORT_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const indicatorValue = z.union([z.number().finite(), z.boolean(), z.string().max(1000), z.null()]);
export const valuesSchema = z.record(z.string().max(48), indicatorValue)
  .refine((v) => Object.keys(v).length <= 300, { message: msg('tối đa 300 chỉ tiêu', 'at most 300 indicators') });
export const narrativeSchema = z.record(z.string().max(48), z.string().max(50_000))
  .refine((v) => Object.keys(v).length <= 30, { message: msg('tối đa 30 phần', 'at most 30 sections') });

export const openReportBody = z.object({
  scheduleId: id,
  period: periodKeySchema,
  unitId: id,
});

export const saveDraftBody = z.object({
  /** The version the edit started from; a later save by someone else gives 409. */
  version: z.number().int().min(1),
  values: valuesSchema,
  narrative: narrativeSchema,
});
export type SaveDraftInput = z.infer<typeof saveDraftBody>;

export const submitBody = z.object({ version: z.number().int().min(1) });
/** For uploads: the version the import starts from, in the query string. */
export const versionQuery = z.object({ version: z.coerce.number<number>().int().min(1) });
export const returnBody = z.object({
  comment: z.string().trim().min(1, { message: msg('cần ghi rõ lý do trả lại', 'say why the report is returned') }).max(5000),
});
export const acceptBody = z.object({ comment: z.string().trim().max(5000).optional() });

export const highlightBody = z.object({
  section: z.string().trim().min(1).max(48),
  /** Paragraph index (0-based) in the section; -1 marks the whole section. */
  paragraph: z.number().int().min(-1).max(1000).default(-1),
  note: z.string().trim().max(500).optional(),
});
export const highlightParams = z.object({ id, highlightId: id });

export const reportListQuery = z.object({
  schedule: id.optional(),
  period: periodKeySchema.optional(),
  unit: id.optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  limit: z.coerce.number<number>().int().min(1).max(1000).default(200),
});

export const inboxQuery = z.object({
  status: z.enum(['submitted', 'accepted', 'returned']).default('submitted'),
  limit: z.coerce.number<number>().int().min(1).max(500).default(200),
});

export const versionParams = z.object({ id, seq: z.coerce.number<number>().int().min(1) });
export const diffQuery = z.object({
  from: z.coerce.number<number>().int().min(1),
  /** A later version number, or "draft" for the working copy. */
  to: z.union([z.literal('draft'), z.coerce.number<number>().int().min(1)]),
});

const sourced = z.object({
  value: z.number(),
  total: z.number().int(),
  records: z.array(z.object({ entity: z.string(), id: z.union([z.number(), z.string()]), label: z.string(), link: z.string().nullable() })),
  error: z.string().nullable(),
});

const aggregateFigure = z.object({ value: z.number().nullable(), n: z.number().int() });

export const flag = z.object({
  reportId: z.number().int(),
  unitId: z.number().int(),
  indicator: z.string(),
  kind: z.enum(['rule', 'peers', 'history']),
  severity: z.enum(['hard', 'soft']),
  message: z.string(),
}).meta({ id: 'ReportFlag' });
export type Flag = z.infer<typeof flag>;

export const reportSummary = z.object({
  id: z.number().int(),
  scheduleId: z.number().int(),
  scheduleName: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  reviewerUnitId: z.number().int().nullable(),
  reviewerUnitName: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
  version: z.number().int(),
  dueDate: z.string(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  lastComment: z.string().nullable(),
  flagCount: z.number().int().optional(),
}).meta({ id: 'ReportSummary' });
export type ReportSummary = z.infer<typeof reportSummary>;

export const report = reportSummary.extend({
  /** What the caller sees: the working copy (the unit itself) or the last submitted version (superiors). */
  view: z.enum(['working', 'submitted']),
  form: z.object({ id: z.number().int(), name: z.string(), version: z.number().int(), versionId: z.number().int() }),
  definition: formDefinition,
  values: z.record(z.string(), indicatorValue),
  sourced: z.record(z.string(), sourced),
  aggregate: z.record(z.string(), aggregateFigure),
  totals: z.record(z.string(), z.number().nullable()),
  narrative: z.record(z.string(), z.string()),
  checks: z.array(z.object({ field: z.string(), severity: z.enum(['hard', 'soft']), kind: z.string(), message: z.string() })),
  versions: z.array(z.object({ seq: z.number().int(), submittedAt: z.string(), submittedBy: z.string().nullable() })),
  events: z.array(z.object({ action: z.string(), versionSeq: z.number().int().nullable(), comment: z.string().nullable(), actorName: z.string().nullable(), at: z.string() })),
  highlights: z.array(z.object({ id: z.number().int(), section: z.string(), paragraph: z.number().int(), note: z.string().nullable() })),
  can: z.object({ edit: z.boolean(), review: z.boolean() }),
}).meta({ id: 'Report' });
export type Report = z.infer<typeof report>;

export const reportVersion = z.object({
  reportId: z.number().int(),
  seq: z.number().int(),
  formVersionId: z.number().int(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  values: z.record(z.string(), indicatorValue),
  sourced: z.record(z.string(), sourced),
  narrative: z.record(z.string(), z.string()),
  aggregate: z.record(z.string(), aggregateFigure),
  warnings: z.array(z.object({ field: z.string(), message: z.string() })),
}).meta({ id: 'ReportVersion' });

export const diffPart = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export const reportDiff = z.object({
  from: z.string(),
  to: z.string(),
  values: z.array(z.object({ code: z.string(), name: z.string(), before: indicatorValue, after: indicatorValue })),
  sections: z.array(z.object({ code: z.string(), title: z.string(), changed: z.boolean(), parts: z.array(diffPart) })),
}).meta({ id: 'ReportDiff' });

export const excerpt = z.object({
  reportId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  depth: z.number().int(),
  paragraph: z.number().int(),
  text: z.string(),
  highlighted: z.boolean(),
  note: z.string().nullable(),
  status: z.enum(REPORT_STATUSES),
});
export const compiledNarrative = z.object({
  sections: z.array(z.object({ code: z.string(), title: z.string(), excerpts: z.array(excerpt), text: z.string() })),
  /** Subordinate reports not yet accepted (their text is shown, marked). */
  pending: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), status: z.string() })),
}).meta({ id: 'CompiledNarrative' });
