import { z } from 'zod';
import { id, msg, nonEmpty } from '../../core/contract';
import { AGGREGATIONS, INDICATOR_TYPES, RULE_OPS, type Aggregation, type IndicatorType, type RuleOp } from '../../core/report-form';

export const fieldCode = z.string().trim().min(1).max(48).regex(/^[a-z][a-z0-9_]*$/, {
  message: msg('chỉ gồm a-z, 0-9 và _, bắt đầu bằng chữ', 'only a-z, 0-9 and _, starting with a letter'),
});

export const indicatorDef = z.object({
  code: fieldCode,
  name: nonEmpty(300),
  type: z.enum(INDICATOR_TYPES as readonly [IndicatorType, ...IndicatorType[]]),
  unit: z.string().trim().max(40).nullish(),
  aggregation: z.enum(AGGREGATIONS as readonly [Aggregation, ...Aggregation[]]),
  weightBy: fieldCode.nullish(),
  choices: z.array(nonEmpty(120)).max(30).nullish(),
  min: z.number().finite().nullish(),
  max: z.number().finite().nullish(),
  required: z.boolean().default(false),
  source: z.object({ key: z.string().trim().min(1).max(80), params: z.record(z.string(), z.unknown()).optional() }).nullish(),
  peerBasis: fieldCode.nullish(),
  group: z.string().trim().max(120).nullish(),
  help: z.string().trim().max(1000).nullish(),
}).meta({ id: 'IndicatorDef' });

export const sectionDef = z.object({
  code: fieldCode,
  title: nonEmpty(200),
  help: z.string().trim().max(1000).nullish(),
  required: z.boolean().default(false),
}).meta({ id: 'SectionDef' });

export const ruleDef = z.object({
  code: fieldCode,
  left: fieldCode,
  op: z.enum(RULE_OPS as readonly [RuleOp, ...RuleOp[]]),
  right: z.union([
    z.object({ indicator: fieldCode, factor: z.number().finite().positive().nullish() }),
    z.object({ value: z.number().finite() }),
  ]),
  severity: z.enum(['hard', 'soft']),
  message: z.string().trim().max(300).nullish(),
}).meta({ id: 'RuleDef' });

export const formDefinition = z.object({
  indicators: z.array(indicatorDef).max(300),
  sections: z.array(sectionDef).max(30),
  rules: z.array(ruleDef).max(300).default([]),
}).meta({ id: 'FormDefinition' });

export const formCode = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}][\p{L}\p{N}._\-/]*$/u, {
  message: msg('chỉ gồm chữ, số và . _ - /', 'only letters, digits and . _ - /'),
});

export const createFormBody = z.object({
  code: formCode,
  name: nonEmpty(300),
  description: z.string().trim().max(2000).optional(),
  ownerUnitId: id,
  definition: formDefinition.optional(),
  note: z.string().trim().max(500).optional(),
});
export type CreateFormInput = z.infer<typeof createFormBody>;

export const publishVersionBody = z.object({
  /** The version the edit started from; a newer one published meanwhile gives 409. */
  baseVersion: z.number().int().min(1),
  definition: formDefinition,
  name: nonEmpty(300).optional(),
  description: z.string().trim().max(2000).optional(),
  note: z.string().trim().max(500).optional(),
});
export type PublishVersionInput = z.infer<typeof publishVersionBody>;

export const formQuery = z.object({
  q: z.string().trim().max(100).optional(),
  owner: id.optional(),
});

export const formVersionQuery = z.object({ version: z.coerce.number<number>().int().min(1).optional() });

export const formSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  ownerUnitId: z.number().int(),
  ownerUnitName: z.string().nullable(),
  currentVersion: z.number().int(),
  updatedAt: z.string(),
}).meta({ id: 'ReportFormSummary' });

export const form = formSummary.extend({
  version: z.number().int(),
  versionId: z.number().int(),
  definition: formDefinition,
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string(), note: z.string().nullable() })),
}).meta({ id: 'ReportForm' });
export type Form = z.infer<typeof form>;

export const indicatorSourceInfo = z.object({
  key: z.string(),
  label: z.string(),
  description: z.string(),
  valueType: z.string(),
});

export const indicatorRef = z.object({
  id: z.number().int(), formId: z.number().int(), formName: z.string(), code: z.string(), name: z.string(), unit: z.string().nullable(),
}).meta({ id: 'IndicatorRef' });

export const indicatorRefsQuery = z.object({
  ids: z.string().trim().max(4000).regex(/^\d+(,\d+)*$/, { message: msg('danh sách mã số cách nhau bởi dấu phẩy', 'comma-separated ids') })
    .transform((s) => [...new Set(s.split(',').map(Number))]),
});

export const taskIndicatorParams = z.object({ id, taskId: id });
export const taskIndicatorsBody = z.object({
  indicators: z.array(z.object({ formId: id, code: fieldCode })).max(50),
});
