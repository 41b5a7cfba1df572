import { z } from 'zod';
import { ROLES } from '../../core/actor';
import { hierarchyCode, id, isoDate, msg } from '../../core/contract';

export const username = z.string().trim().toLowerCase().min(3).max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { message: msg('chỉ gồm a-z, 0-9 và . _ -', 'only a-z, 0-9 and . _ -') });
export const role = z.enum(ROLES as [string, ...string[]]);
export const locale = z.enum(['vi', 'en']);

export const grant = z.object({ id: z.number().int(), role, unitId: z.number().int(), hierarchy: z.string() }).meta({ id: 'Grant' });

export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  unitId: z.number().int(),
  unitName: z.string().nullable(),
  isActive: z.boolean(),
  locked: z.boolean(),
  locale: z.string(),
  createdAt: z.string(),
  grants: z.array(grant),
}).meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const listUsersQuery = z.object({
  unit: id.optional(),
  q: z.string().trim().max(100).optional(),
  includeInactive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number<number>().int().min(1).max(500).default(100),
  offset: z.coerce.number<number>().int().min(0).max(1_000_000).default(0),
});

export const createUserBody = z.object({
  username,
  displayName: z.string().trim().min(1).max(200),
  email: z.string().trim().email().max(200).optional(),
  unitId: id,
  password: z.string().min(1).max(200),
  locale: locale.default('vi'),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
  unitId: id.optional(),
  locale: locale.optional(),
}).refine((v) => Object.keys(v).length > 0, { message: msg('không có gì để cập nhật', 'nothing to update') });
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const setActiveBody = z.object({ active: z.boolean() });
export const resetPasswordBody = z.object({ password: z.string().min(1).max(200) });

export const createGrantBody = z.object({ role, unitId: id, hierarchy: hierarchyCode.default('party') });
export type CreateGrantInput = z.infer<typeof createGrantBody>;

export const grantParams = z.object({ id, grantId: id });

export const tokenView = z.object({
  id: z.number().int(), name: z.string(), prefix: z.string(), createdAt: z.string(),
  lastUsedAt: z.string().nullable(), expiresAt: z.string().nullable(), revokedAt: z.string().nullable(),
});
export const createTokenBody = z.object({ name: z.string().trim().min(1).max(100), expiresAt: isoDate.optional() });
export const createdToken = z.object({
  id: z.number().int(), name: z.string(), prefix: z.string(), createdAt: z.string(), expiresAt: z.string().nullable(),
  /** Shown once: only its hash is stored. */
  token: z.string(),
});
