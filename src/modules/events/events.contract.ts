import { z } from 'zod';
import { id, isoDate, nonEmpty } from '../../core/contract';
import { documentRef, storedFileView, unitRef } from '../plans/plans.contract';

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

/** Hội nghị, sơ kết, tổng kết, kỷ niệm, học tập quán triệt, khác. */
export const EVENT_KINDS = ['hoi_nghi', 'so_ket', 'tong_ket', 'ky_niem', 'hoc_tap', 'khac'] as const;

const eventFields = {
  kind: z.enum(EVENT_KINDS),
  title: nonEmpty(1000),
  heldOn: isoDate,
  venue: optionalText(500),
  /** Who took part, as written ("cán bộ chủ chốt thành phố"). */
  participants: optionalText(5000),
  participantCount: z.number().int().min(0).max(10_000_000).nullish(),
  /** Kết quả, nội dung chính. */
  outcome: optionalText(20_000),
  planId: id.nullish(),
  /** A task of the plan's issued version (needs planId). */
  taskId: id.nullish(),
  /** Registry documents attached (the conference's guidance, its report …). */
  documentIds: z.array(id).max(50).default([]),
};

export const createEventBody = z.object({ organizerUnitId: id, ...eventFields });
export type CreateEventInput = z.infer<typeof createEventBody>;
export const updateEventBody = z.object(eventFields);
export type UpdateEventInput = z.infer<typeof updateEventBody>;

export const listEventsQuery = z.object({
  /** Events organized by units of this subtree. */
  unit: id.optional(),
  plan: id.optional(),
  kind: z.enum(EVENT_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
  offset: z.coerce.number<number>().int().min(0).max(1_000_000).default(0),
});
export type ListEventsQuery = z.infer<typeof listEventsQuery>;

export const eventParams = z.object({ id });
export const eventFileParams = z.object({ id, fileId: id });

export const eventView = z.object({
  id: z.number().int(),
  organizer: unitRef,
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  heldOn: z.string(),
  venue: z.string().nullable(),
  participants: z.string().nullable(),
  participantCount: z.number().int().nullable(),
  outcome: z.string().nullable(),
  plan: z.object({ id: z.number().int(), title: z.string(), number: z.string().nullable() }).nullable(),
  task: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  documents: z.array(documentRef),
  files: z.array(storedFileView),
  can: z.object({ edit: z.boolean() }),
}).meta({ id: 'MilestoneEvent' });
export type EventView = z.infer<typeof eventView>;

export const eventList = z.object({ total: z.number().int(), items: z.array(eventView) });

export const EVENT_FILE_FIELD = 'files';
