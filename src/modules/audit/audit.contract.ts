import { z } from 'zod';
import { id } from '../../core/contract';

export const auditQuery = z.object({
  unit: id.optional(),
  entity: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  before: id.optional(),
  limit: z.coerce.number<number>().int().min(1).max(500).default(100),
});

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
}).meta({ id: 'AuditEntry' });

export const verifyResponse = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  headSeq: z.number().int(),
  headHash: z.string(),
  firstBad: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
