import { z } from 'zod';
import { id, isoDate, msg, nonEmpty } from '../../core/contract';
import { DOCUMENT_KIND_CODES } from '../../core/document-kinds';

export const documentKind = z.enum(DOCUMENT_KIND_CODES);
export const LINK_KINDS = ['implements', 'based_on', 'amends', 'replaces', 'related'] as const;
export const linkKind = z.enum(LINK_KINDS);
export type LinkKind = z.infer<typeof linkKind>;
export const ATTACHMENT_ROLES = ['signed', 'draft', 'annex'] as const;
export const attachmentRole = z.enum(ATTACHMENT_ROLES);

/** Identity of a document cited without a number, as the citation finder makes it ("tw:4:XII"). */
export const citationKey = z.string().trim().max(120)
  .regex(/^(tw|dh):[a-z0-9?][a-z0-9?:-]*$/i, { message: msg('không phải mã trích dẫn hợp lệ (ví dụ tw:4:XII)', 'is not a valid citation key (e.g. tw:4:XII)') })
  // Keys are lower case but for the term or congress, a Roman numeral: "dh:thanh-pho:XVI".
  .transform((v) => v.toLowerCase().replace(/:([ivxlc]+)$/, (_, r: string) => `:${r.toUpperCase()}`));

export const documentSummary = z.object({
  id: z.number().int(),
  kind: documentKind,
  kindName: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  issuerName: z.string().nullable(),
  issuerUnitId: z.number().int().nullable(),
  issuedOn: z.string().nullable(),
}).meta({ id: 'DocumentSummary' });
export type DocumentSummary = z.infer<typeof documentSummary>;

export const documentView = documentSummary.extend({
  numbering: z.enum(['party', 'state']).nullable(),
  numberParts: z.object({
    number: z.string(), year: z.number().int().nullable(), kindCode: z.string().nullable(), issuerCode: z.string(),
  }).nullable(),
  issuerUnitName: z.string().nullable(),
  summary: z.string().nullable(),
  citationKey: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Whether the caller may edit it, link it and attach files. */
  canManage: z.boolean(),
}).meta({ id: 'Document' });
export type DocumentView = z.infer<typeof documentView>;

export const documentLinkView = z.object({
  id: z.number().int(),
  kind: linkKind,
  /** "out": this document → the other ("implements 05-CT/TW"); "in": the other → this one. */
  direction: z.enum(['out', 'in']),
  document: documentSummary,
});

export const attachmentView = z.object({
  fileId: z.number().int(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  role: attachmentRole,
  attachedAt: z.string().nullable(),
});

export const documentDetail = documentView.extend({
  links: z.array(documentLinkView),
  attachments: z.array(attachmentView),
}).meta({ id: 'DocumentDetail' });
export type DocumentDetail = z.infer<typeof documentDetail>;

export const listDocumentsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  kind: documentKind.optional(),
  /** Issuing body by name, without diacritics ("bo chinh tri"). */
  issuer: z.string().trim().min(1).max(200).optional(),
  issuerUnit: id.optional(),
  year: z.coerce.number<number>().int().min(1930).max(2100).optional(),
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
  offset: z.coerce.number<number>().int().min(0).max(1_000_000).default(0),
});
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuery>;

export const documentList = z.object({ total: z.number().int(), items: z.array(documentView) });

const linkInput = z.object({ kind: linkKind, toDocumentId: id });

export const createDocumentBody = z.object({
  kind: documentKind,
  /** "05-CT/TW", "27/CT-TTg" … in any of the spellings real texts use; printed canonically. */
  number: z.string().trim().min(1).max(60).optional(),
  issuerName: z.string().trim().min(1).max(300).optional(),
  issuerUnitId: id.optional(),
  issuedOn: isoDate.optional(),
  title: nonEmpty(1000),
  summary: z.string().trim().max(10_000).optional(),
  citationKey: citationKey.optional(),
  links: z.array(linkInput).max(50).default([]),
});
export type CreateDocumentInput = z.infer<typeof createDocumentBody>;

export const updateDocumentBody = z.object({
  kind: documentKind.optional(),
  number: z.string().trim().min(1).max(60).nullable().optional(),
  issuerName: z.string().trim().min(1).max(300).nullable().optional(),
  issuerUnitId: id.nullable().optional(),
  issuedOn: isoDate.nullable().optional(),
  title: nonEmpty(1000).optional(),
  summary: z.string().trim().max(10_000).nullable().optional(),
  citationKey: citationKey.nullable().optional(),
}).refine((v) => Object.keys(v).length > 0, { message: msg('không có gì để cập nhật', 'nothing to update') });
export type UpdateDocumentInput = z.infer<typeof updateDocumentBody>;

export const createLinkBody = linkInput;
export const linkParams = z.object({ id, linkId: id });
export const attachmentParams = z.object({ id, fileId: id });
export const attachmentQuery = z.object({ role: attachmentRole.default('signed') });

export const chainQuery = z.object({
  /** Which links make the chain; "implements" by default. */
  kinds: z.string().trim().max(100).optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : ['implements']))
    .pipe(z.array(linkKind).min(1)),
  depth: z.coerce.number<number>().int().min(1).max(10).default(6),
});

const chainNode = documentSummary.extend({
  /** The documents of the level before (nearer the start) that this one is linked with. */
  via: z.array(z.number().int()),
});
export const chainLevel = z.object({ level: z.number().int(), documents: z.array(chainNode) });
export const documentChain = z.object({
  document: documentSummary,
  /** What it implements, then what those implement … (level 1 is nearest). */
  up: z.array(chainLevel),
  /** What implements it, then what implements those … */
  down: z.array(chainLevel),
}).meta({ id: 'DocumentChain' });
export type DocumentChain = z.infer<typeof documentChain>;

export const kindView = z.object({
  code: documentKind, nameVi: z.string(), nameEn: z.string(), partyCode: z.string().nullable(), stateCode: z.string().nullable(),
});

export const numberCheckQuery = z.object({ number: z.string().max(100) });
export const numberCheck = z.object({
  ok: z.boolean(),
  number: z.string().nullable(),
  numbering: z.enum(['party', 'state']).nullable(),
  kind: documentKind.nullable(),
  problem: z.object({ part: z.string(), message: z.string() }).nullable(),
});
