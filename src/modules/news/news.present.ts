/** Article rows turned into what the editor API and the portal show. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Article, ArticleAction, ArticleStatus, ArticleSummary } from './news.contract';
import { resolveNewsLink, type NewsLinkKind } from './news.links';
import { articlePath, imagePath } from './news.paths';
import * as repo from './news.repository';

type Db = Kysely<Database>;

export function summaryOf(row: repo.ArticleRow): ArticleSummary {
  return {
    id: row.id, unitId: row.unit_id, categoryId: row.category_id, categoryName: row.category_name, slug: row.slug,
    title: row.title, status: row.status as ArticleStatus, publishAt: row.publish_at, updatedAt: row.updated_at, version: row.version,
  };
}

export function isPublicNow(row: Pick<repo.ArticleRow, 'status' | 'publish_at'>, now = new Date()): boolean {
  return row.status === 'published' && row.publish_at !== null && Date.parse(row.publish_at) <= now.getTime();
}

export interface ResolvedLink {
  kind: NewsLinkKind;
  id: number;
  resolved: boolean;
  title: string | null;
  url: string | null;
}

export async function resolvedLinks(db: Db, articleId: number): Promise<ResolvedLink[]> {
  const links = await repo.linksOf(db, articleId);
  const out: ResolvedLink[] = [];
  for (const l of links) {
    const kind = l.kind as NewsLinkKind;
    const target = await resolveNewsLink(db, kind, l.target_id);
    out.push({ kind, id: l.target_id, resolved: !!target, title: target?.title ?? null, url: target?.url ?? null });
  }
  return out;
}

export async function articleOf(db: Db, row: repo.ArticleRow, allowedActions: ArticleAction[]): Promise<Article> {
  const files = await repo.filesOf(db, row.id);
  return {
    ...summaryOf(row),
    summary: row.summary,
    bodyHtml: row.body_html,
    coverFileId: row.cover_file_id,
    coverUrl: row.cover_file_id ? imagePath(row.cover_file_id) : null,
    coverCaption: row.cover_caption,
    coverAlt: row.cover_alt,
    author: row.author,
    source: row.source,
    sourceUrl: row.source_url,
    firstPublishedAt: row.first_published_at,
    publicPath: articlePath(row.slug),
    previewPath: `/api/v1/news/articles/${row.id}/preview`,
    isPublic: isPublicNow(row),
    links: await resolvedLinks(db, row.id),
    images: files.map((f) => ({ fileId: f.file_id, url: imagePath(f.file_id), role: f.role })),
    createdAt: row.created_at,
    allowedActions,
  };
}

/** What a version keeps: every field an editor can change, and the status. */
export function snapshotOf(row: repo.ArticleRow, links: Array<{ kind: string; id: number }>) {
  return {
    status: row.status, categoryId: row.category_id, slug: row.slug, title: row.title, summary: row.summary,
    bodyHtml: row.body_html, coverFileId: row.cover_file_id, coverCaption: row.cover_caption, coverAlt: row.cover_alt,
    author: row.author, source: row.source, sourceUrl: row.source_url, publishAt: row.publish_at, links,
  };
}
