import { z } from 'zod';
import { id, isoDate, nonEmpty } from '../../core/contract';
import { storedFileView, unitRef } from '../plans/plans.contract';

const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));

/** draft → submitted → (returned → submitted …) → in_progress → resolution_submitted → resolved. */
export const REGISTRATION_STATUSES = ['draft', 'submitted', 'returned', 'in_progress', 'resolution_submitted', 'resolved'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** The inbox's lists. In progress includes those awaiting confirmation; overdue is in progress past the deadline. */
export const REGISTRATION_VIEWS = ['draft', 'pending', 'returned', 'in_progress', 'awaiting_confirmation', 'overdue', 'resolved'] as const;
export type RegistrationListView = (typeof REGISTRATION_VIEWS)[number];

export const ENTRY_KINDS = ['submit', 'approve', 'return', 'progress', 'resolution', 'confirm', 'reopen'] as const;

const registrationFields = {
  title: nonEmpty(500),
  description: optionalText(10_000),
  /** Mục tiêu đo được: what "resolved" means, in numbers or facts. */
  target: nonEmpty(2000),
  deadline: isoDate,
  /** Người chịu trách nhiệm. */
  responsiblePerson: nonEmpty(200),
};

export const createRegistrationBody = z.object({
  /** The registering unit. */
  unitId: id,
  /** The plan that asks for registrations: the body is its issuing unit. */
  planId: id.optional(),
  /** The body registered with, when there is no plan (a unit above the registering unit). */
  bodyUnitId: id.optional(),
  ...registrationFields,
});
export type CreateRegistrationInput = z.infer<typeof createRegistrationBody>;

export const updateRegistrationBody = z.object(registrationFields);
export type UpdateRegistrationInput = z.infer<typeof updateRegistrationBody>;

export const optionalCommentBody = z.object({ comment: optionalText(5000) });
export const requiredCommentBody = z.object({ comment: nonEmpty(5000) });

export const registrationProgressBody = z.object({
  percent: z.number().int().min(0).max(100),
  narrative: nonEmpty(20_000),
  reportedOn: isoDate.optional(),
});
export type RegistrationProgressInput = z.infer<typeof registrationProgressBody>;

export const resolutionBody = z.object({ narrative: nonEmpty(20_000) });

export const listRegistrationsQuery = z.object({
  /** Registrations of units in this unit's subtree. */
  unit: id.optional(),
  /** Registered with this body. */
  body: id.optional(),
  plan: id.optional(),
  view: z.enum(REGISTRATION_VIEWS).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
  offset: z.coerce.number<number>().int().min(0).max(1_000_000).default(0),
});
export type ListRegistrationsQuery = z.infer<typeof listRegistrationsQuery>;

export const registrationParams = z.object({ id });
export const entryFileParams = z.object({ id, entryId: id });
export const entryFileDownloadParams = z.object({ id, entryId: id, fileId: id });

export const registrationSummary = z.object({
  id: z.number().int(),
  unit: unitRef,
  body: unitRef,
  plan: z.object({ id: z.number().int(), title: z.string(), number: z.string().nullable() }).nullable(),
  status: z.enum(REGISTRATION_STATUSES),
  title: z.string(),
  description: z.string().nullable(),
  target: z.string(),
  deadline: z.string(),
  responsiblePerson: z.string(),
  latestPercent: z.number().int().nullable(),
  /** Still open past its deadline. */
  overdue: z.boolean(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  resolvedOn: z.string().nullable(),
}).meta({ id: 'RegistrationSummary' });
export type RegistrationSummary = z.infer<typeof registrationSummary>;

export const registrationEntry = z.object({
  id: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  text: z.string().nullable(),
  percent: z.number().int().nullable(),
  reportedOn: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  files: z.array(storedFileView),
});

export const registrationView = registrationSummary.extend({
  entries: z.array(registrationEntry),
  can: z.object({
    edit: z.boolean(),
    delete: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    postProgress: z.boolean(),
    submitResolution: z.boolean(),
    confirm: z.boolean(),
    attachTo: z.array(z.number().int()),
  }),
}).meta({ id: 'Registration' });
export type RegistrationView = z.infer<typeof registrationView>;

export const registrationList = z.object({
  total: z.number().int(),
  /** How many fall in each list, for the same filters (tabs of the inbox). */
  counts: z.record(z.enum(REGISTRATION_VIEWS), z.number().int()),
  items: z.array(registrationSummary),
});

export const REGISTRATION_FILE_FIELD = 'files';
