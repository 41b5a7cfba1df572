import { z } from 'zod';
import { hierarchyCode, id, isoDate, msg, nonEmpty } from '../../core/contract';

export const unitCode = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}][\p{L}\p{N}._\-/]*$/u, {
  message: msg('chỉ gồm chữ, số và . _ - /', 'only letters, digits and . _ - /'),
});
export const kindCode = z.string().trim().min(1).max(48).regex(/^[a-z][a-z0-9_]*$/, { message: msg('chỉ gồm a-z, 0-9 và _', 'only a-z, 0-9 and _') });

export const orgUnit = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  parentId: z.number().int().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
}).meta({ id: 'OrgUnit' });
export type OrgUnit = z.infer<typeof orgUnit>;

export const orgTreeQuery = z.object({
  hierarchy: hierarchyCode.default('party'),
  asOf: isoDate.optional(),
  root: id.optional(),
  depth: z.coerce.number<number>().int().min(0).max(20).optional(),
  q: z.string().trim().max(100).optional(),
});

export const orgTreeResponse = z.object({
  hierarchy: z.string(),
  asOf: z.string(),
  units: z.array(orgUnit),
});

export const lineageEvent = z.object({
  eventId: z.number().int(),
  kind: z.string(),
  effectiveDate: z.string(),
  note: z.string().nullable(),
  from: z.array(z.object({ id: z.number().int(), name: z.string() })),
  to: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

export const lineage = z.object({
  /** Restructurings that led to this unit, newest first (what it came from). */
  predecessors: z.array(lineageEvent),
  /** Restructurings this unit went through afterwards (what became of it). */
  successors: z.array(lineageEvent),
  /** Units in force today that carry this unit on (itself when it still exists). */
  currentSuccessors: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** Units that existed before and became (part of) this unit, at any distance. */
  originalPredecessors: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

export const orgUnitDetail = orgUnit.omit({ parentId: true }).extend({
  asOf: z.string(),
  parents: z.array(z.object({ hierarchy: z.string(), parentId: z.number().int().nullable(), parentName: z.string().nullable() })),
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string(), depth: z.number().int() })),
  childCount: z.number().int(),
  versions: z.array(z.object({ name: z.string(), shortName: z.string().nullable(), kind: z.string(), validFrom: z.string(), validTo: z.string().nullable() })),
  links: z.array(z.object({ hierarchy: z.string(), parentId: z.number().int().nullable(), parentName: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable() })),
  lineage,
}).meta({ id: 'OrgUnitDetail' });

export const unitDetailQuery = z.object({ asOf: isoDate.optional() });

const note = z.string().trim().max(2000).optional();

export const createUnitBody = z.object({
  code: unitCode,
  name: nonEmpty(300),
  shortName: z.string().trim().max(120).optional(),
  kind: kindCode,
  parentId: id.nullable(),
  hierarchy: hierarchyCode.default('party'),
  /** Optional second placement, e.g. a school under the Department of Education. */
  stateParentId: id.optional(),
  validFrom: isoDate,
});
export type CreateUnitInput = z.infer<typeof createUnitBody>;

export const renameBody = z.object({
  name: nonEmpty(300),
  shortName: z.string().trim().max(120).optional(),
  kind: kindCode.optional(),
  effectiveDate: isoDate,
  note,
});
export type RenameInput = z.infer<typeof renameBody>;

export const moveBody = z.object({
  hierarchy: hierarchyCode.default('party'),
  parentId: id,
  effectiveDate: isoDate,
  note,
});
export type MoveInput = z.infer<typeof moveBody>;

const newUnit = z.object({
  code: unitCode,
  name: nonEmpty(300),
  shortName: z.string().trim().max(120).optional(),
  kind: kindCode,
  parentId: id.optional(),
});

export const mergeBody = z.object({
  sourceIds: z.array(id).min(1).max(200),
  /** Merge into an existing unit, or into a new one. */
  into: z.union([z.object({ unitId: id }), z.object({ newUnit })]),
  effectiveDate: isoDate,
  note,
});
export type MergeInput = z.infer<typeof mergeBody>;

export const splitBody = z.object({
  parts: z.array(newUnit.extend({ childIds: z.array(id).max(10_000).default([]) })).min(2).max(50),
  effectiveDate: isoDate,
  note,
});
export type SplitInput = z.infer<typeof splitBody>;

export const dissolveBody = z.object({
  effectiveDate: isoDate,
  /** Who takes over the dissolved unit's duties (recorded in lineage). */
  successorId: id.optional(),
  /** Where its remaining children go; without it, a unit with children cannot be dissolved. */
  childrenTo: id.optional(),
  note,
});
export type DissolveInput = z.infer<typeof dissolveBody>;

export const restructureResult = z.object({
  eventId: z.number().int(),
  kind: z.string(),
  effectiveDate: z.string(),
  created: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
  closed: z.array(z.number().int()),
});
export type RestructureResult = z.infer<typeof restructureResult>;

export const orgKind = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), isCustom: z.boolean() });
export const createKindBody = z.object({ code: kindCode, nameVi: nonEmpty(120), nameEn: nonEmpty(120) });

export const hierarchy = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() });
