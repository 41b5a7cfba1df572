import { z } from 'zod';
import { id, msg } from '../../core/contract';
import { createDocumentBody, documentKind, documentSummary, linkKind } from './documents.contract';

export const MAX_EXTRACT_CHARS = 500_000;

export const extractBody = z.object({
  text: z.string().max(MAX_EXTRACT_CHARS).refine((t) => t.trim().length > 0, { message: msg('không được để trống', 'must not be empty') }),
});

export const citationView = z.object({
  /** Identity within this extraction: "no:05-CT/TW", "tw:4:XII", "dh:toan-quoc:XIII" … */
  key: z.string(),
  kind: documentKind,
  kindName: z.string(),
  number: z.string().nullable(),
  numbering: z.enum(['party', 'state']).nullable(),
  issuedOn: z.string().nullable(),
  issuer: z.string().nullable(),
  term: z.string().nullable(),
  subject: z.string().nullable(),
  label: z.string(),
  /** A title to offer when the document is created in the registry. */
  suggestedTitle: z.string(),
  /** For documents cited without a number: the key the registry keeps to find it again. */
  citationKey: z.string().nullable(),
  excerpt: z.string(),
  mentions: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string() })),
  notes: z.array(z.string()),
  registry: z.object({
    /** The registry entry this citation is, when there is exactly one. */
    match: documentSummary.nullable(),
    /** Entries it may be (several congresses of one term in different places …). */
    candidates: z.array(documentSummary),
  }),
}).meta({ id: 'Citation' });
export type CitationView = z.infer<typeof citationView>;

export const extractResponse = z.object({
  source: z.enum(['text', 'docx']),
  /** The text read from an uploaded DOCX (positions refer to it). */
  text: z.string().nullable(),
  citations: z.array(citationView),
}).meta({ id: 'CitationExtraction' });

const createItem = z.object({
  action: z.literal('create'),
  citationKey: z.string().trim().max(200).optional(),
  document: createDocumentBody.omit({ links: true }),
});
const linkItem = z.object({
  action: z.literal('link'),
  citationKey: z.string().trim().max(200).optional(),
  documentId: id,
});

export const fromCitationsBody = z.object({
  items: z.array(z.discriminatedUnion('action', [createItem, linkItem])).min(1).max(100),
  /** Optionally, the document whose text was read: it gets a link of this kind to every document resolved. */
  source: z.object({ documentId: id, linkKind: linkKind.default('based_on') }).optional(),
});
export type FromCitationsInput = z.infer<typeof fromCitationsBody>;

export const fromCitationsResponse = z.object({
  results: z.array(z.object({
    index: z.number().int(),
    citationKey: z.string().nullable(),
    created: z.boolean(),
    document: documentSummary,
  })),
  links: z.array(z.object({ id: z.number().int(), fromDocumentId: z.number().int(), toDocumentId: z.number().int(), kind: linkKind })),
});
