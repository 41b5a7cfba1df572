import { z } from 'zod';
import { id } from '../../core/contract';

export const notificationQuery = z.object({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  before: id.optional(),
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
});

export const notificationList = z.object({
  unread: z.number().int(),
  items: z.array(z.object({
    id: z.number().int(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    unitId: z.number().int().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    emailStatus: z.string(),
  })),
}).meta({ id: 'NotificationList' });

export const markReadBody = z.object({ ids: z.union([z.array(id).min(1).max(500), z.literal('all')]) });
export const markReadResponse = z.object({ updated: z.number().int() });
