import { z } from 'zod';
import { hierarchyCode, id, isoDate, msg } from '../../core/contract';
import { unitCode } from './orgs.contract';

const flag = z.enum(['true', 'false', '1', '0'], { message: msg('phải là true hoặc false', 'must be true or false') })
  .transform((v) => v === 'true' || v === '1');

export const importQuery = z.object({
  /** Check the file and report what would be created, without writing anything. */
  dryRun: flag.default(false),
  /** The hierarchy a row without any parent becomes a root of (roots only from the command line). */
  hierarchy: hierarchyCode.default('party'),
});

export const importRowError = z.object({
  /** Spreadsheet row number (the header is row 1); 0 when the problem is the file itself. */
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
  messageEn: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importResult = z.object({
  dryRun: z.boolean(),
  /** True when every row is acceptable (and, unless a dry run, the units were created). */
  valid: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  rows: z.number().int(),
  created: z.array(z.object({ id: z.number().int().nullable(), code: z.string(), name: z.string() })),
  errors: z.array(importRowError),
}).meta({ id: 'OrgImportResult' });
export type ImportResult = z.infer<typeof importResult>;

export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  hierarchy: hierarchyCode.default('party'),
  asOf: isoDate.optional(),
  /** Export one subtree: the root's id … */
  root: id.optional(),
  /** … or its code. */
  rootCode: unitCode.optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;
