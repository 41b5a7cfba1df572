import { z } from 'zod';
import { id, msg, nonEmpty } from '../../core/contract';
import { NEWS_LINK_KINDS } from './news.links';

export const ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const slug = z.string().trim().toLowerCase().min(1).max(96)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: msg('chỉ gồm a-z, 0-9 và dấu gạch ngang giữa các từ', 'only a-z, 0-9 and single hyphens between words') });

/** An instant with its offset: "2021-02-24T09:49:00+07:00" or "…Z". */
export const instant = z.iso.datetime({ offset: true, message: msg('phải là thời điểm dạng 2021-02-24T09:49:00+07:00', 'must be an instant such as 2021-02-24T09:49:00+07:00') });

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** A web address (http or https only: never javascript:, data: …). */
export const webUrl = z.string().trim().max(1000)
  .regex(/^https?:\/\/[^\s"<>]+$/i, { message: msg('phải là địa chỉ web bắt đầu bằng http:// hoặc https://', 'must be a web address starting with http:// or https://') });

export const newsLink = z.object({ kind: z.enum(NEWS_LINK_KINDS), id });

// ---- categories ----

export const category = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
}).meta({ id: 'NewsCategory' });
export type Category = z.infer<typeof category>;

export const createCategoryBody = z.object({
  unitId: id,
  name: nonEmpty(120),
  slug: slug.optional(),
  description: optionalText(500),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export type CreateCategoryInput = z.infer<typeof createCategoryBody>;

export const updateCategoryBody = z.object({
  name: nonEmpty(120).optional(),
  description: optionalText(500),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  isActive: z.boolean().optional(),
}).refine((v) => Object.values(v).some((x) => x !== undefined), { message: msg('không có gì để cập nhật', 'nothing to update') });
export type UpdateCategoryInput = z.infer<typeof updateCategoryBody>;

export const listCategoriesQuery = z.object({
  includeInactive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

// ---- articles ----

const articleFields = {
  categoryId: id,
  title: nonEmpty(300),
  slug: slug.optional(),
  summary: z.string().trim().max(1000),
  bodyHtml: z.string().max(500_000),
  coverFileId: id.nullable(),
  coverCaption: optionalText(500),
  coverAlt: optionalText(300),
  author: optionalText(200),
  source: optionalText(300),
  sourceUrl: webUrl.nullable().optional(),
  publishAt: instant.nullable(),
  links: z.array(newsLink).max(20),
};

export const createArticleBody = z.object({
  unitId: id,
  categoryId: articleFields.categoryId,
  title: articleFields.title,
  slug: articleFields.slug,
  summary: articleFields.summary.default(''),
  bodyHtml: articleFields.bodyHtml.default(''),
  coverCaption: articleFields.coverCaption,
  coverAlt: articleFields.coverAlt,
  author: articleFields.author,
  source: articleFields.source,
  sourceUrl: articleFields.sourceUrl,
  publishAt: articleFields.publishAt.optional(),
  links: articleFields.links.default([]),
});
export type CreateArticleInput = z.infer<typeof createArticleBody>;

export const updateArticleBody = z.object({
  /** The version the editor started from; a different current version means someone else saved meanwhile. */
  version: z.number().int().positive(),
  categoryId: articleFields.categoryId.optional(),
  title: articleFields.title.optional(),
  slug: articleFields.slug,
  summary: articleFields.summary.optional(),
  bodyHtml: articleFields.bodyHtml.optional(),
  coverFileId: articleFields.coverFileId.optional(),
  coverCaption: articleFields.coverCaption,
  coverAlt: articleFields.coverAlt,
  author: articleFields.author,
  source: articleFields.source,
  sourceUrl: articleFields.sourceUrl,
  publishAt: articleFields.publishAt.optional(),
  links: articleFields.links.optional(),
}).refine((v) => Object.entries(v).some(([k, x]) => k !== 'version' && x !== undefined), { message: msg('không có gì để cập nhật', 'nothing to update') });
export type UpdateArticleInput = z.infer<typeof updateArticleBody>;

export const transitionBody = z.object({
  version: z.number().int().positive(),
  /** Why (returning for rework, unpublishing): kept with the version and in the audit trail. */
  note: z.string().trim().max(1000).optional(),
  /** Publish only: when it goes public (default: the time already set, else now). */
  publishAt: instant.optional(),
});
export type TransitionInput = z.infer<typeof transitionBody>;

export const listArticlesQuery = z.object({
  status: z.enum(ARTICLE_STATUSES).optional(),
  unit: id.optional(),
  category: id.optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number<number>().int().min(1).max(200).default(50),
  offset: z.coerce.number<number>().int().min(0).max(1_000_000).default(0),
});
export type ListArticlesQuery = z.infer<typeof listArticlesQuery>;

export const ARTICLE_ACTIONS = ['edit', 'submit', 'return', 'publish', 'unpublish', 'reopen'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

export const resolvedLink = z.object({
  kind: z.enum(NEWS_LINK_KINDS),
  id: z.number().int(),
  /** False when no module resolves this kind yet, or the record is gone. */
  resolved: z.boolean(),
  title: z.string().nullable(),
  url: z.string().nullable(),
});

export const articleSummary = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  categoryId: z.number().int(),
  categoryName: z.string(),
  slug: z.string(),
  title: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  publishAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
}).meta({ id: 'NewsArticleSummary' });
export type ArticleSummary = z.infer<typeof articleSummary>;

export const articleList = z.object({
  total: z.number().int(),
  items: z.array(articleSummary),
  /** How many articles of each status the same filter finds (for the tabs of the list). */
  counts: z.record(z.string(), z.number().int()),
});

export const article = articleSummary.extend({
  summary: z.string(),
  bodyHtml: z.string(),
  coverFileId: z.number().int().nullable(),
  coverUrl: z.string().nullable(),
  coverCaption: z.string().nullable(),
  coverAlt: z.string().nullable(),
  author: z.string().nullable(),
  source: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  firstPublishedAt: z.string().nullable(),
  /** The public address; it answers only while the article is published and its time has come. */
  publicPath: z.string(),
  /** Server-rendered preview for editors (works in every status). */
  previewPath: z.string(),
  isPublic: z.boolean(),
  links: z.array(resolvedLink),
  images: z.array(z.object({ fileId: z.number().int(), url: z.string(), role: z.string() })),
  createdAt: z.string(),
  /** What the caller may do with the article now (its status and their permissions), for the editor's buttons. */
  allowedActions: z.array(z.enum(ARTICLE_ACTIONS)),
}).meta({ id: 'NewsArticle' });
export type Article = z.infer<typeof article>;

export const articleVersion = z.object({
  version: z.number().int(),
  action: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  note: z.string().nullable(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
}).meta({ id: 'NewsArticleVersion' });

export const uploadedImage = z.object({
  fileId: z.number().int(),
  url: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});

export const linkKinds = z.array(z.object({
  kind: z.enum(NEWS_LINK_KINDS), labelVi: z.string(), labelEn: z.string(), resolvable: z.boolean(),
}));
