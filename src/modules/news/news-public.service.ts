/**
 * What the public portal may read: published articles whose time has come, and the images they
 * show. Nothing else of the news module is reachable without signing in; editors additionally
 * preview any article of their units and see its images before publication.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { NotFoundError } from '../../core/errors';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import type { FileStore } from '../files/file-store';
import * as files from '../files/files.service';
import { NEWS_LINK_LABELS } from './news.links';
import { imagePath } from './news.paths';
import { isPublicNow, resolvedLinks } from './news.present';
import * as repo from './news.repository';
import { excerpt, plainText, sanitizeBody, searchWords } from './news.sanitize';

type Db = Kysely<Database>;

export interface ArticleCard {
  id: number;
  slug: string;
  title: string;
  lead: string;
  publishAt: string;
  updatedAt: string;
  coverUrl: string | null;
  coverAlt: string;
  categoryName: string;
  categorySlug: string;
  author: string | null;
}

export interface PublicArticle extends ArticleCard {
  summary: string;
  /** Sanitized again on the way out: the only HTML the portal does not escape. */
  bodyHtml: string;
  coverCaption: string | null;
  source: string | null;
  sourceUrl: string | null;
  /** Related records that resolve (plan, event …), with their kind's Vietnamese label. */
  related: Array<{ label: string; title: string; url: string | null }>;
  isPublic: boolean;
  status: string;
}

function card(row: repo.ArticleRow): ArticleCard {
  return {
    id: row.id, slug: row.slug, title: row.title,
    lead: row.summary || excerpt(plainText(row.body_html), 220),
    // Previews of drafts have no publication time yet; they show the last change instead.
    publishAt: row.publish_at ?? row.updated_at,
    updatedAt: row.updated_at,
    coverUrl: row.cover_file_id ? imagePath(row.cover_file_id) : null,
    coverAlt: row.cover_alt || row.cover_caption || row.title,
    categoryName: row.category_name, categorySlug: row.category_slug, author: row.author,
  };
}

async function full(db: Db, row: repo.ArticleRow): Promise<PublicArticle> {
  const related = (await resolvedLinks(db, row.id))
    .filter((l) => l.resolved && l.title)
    .map((l) => ({ label: NEWS_LINK_LABELS[l.kind].vi, title: l.title!, url: l.url }));
  return {
    ...card(row), summary: row.summary, bodyHtml: sanitizeBody(row.body_html), coverCaption: row.cover_caption,
    source: row.source, sourceUrl: row.source_url, related, isPublic: isPublicNow(row), status: row.status,
  };
}

export interface Page<T> {
  items: T[];
  total: number;
}

export async function latest(db: Db, q: { categoryId?: number; limit: number; offset: number; excludeId?: number }): Promise<Page<ArticleCard>> {
  const { rows, total } = await repo.listPublic(db, { now: new Date().toISOString(), ...q });
  return { items: rows.map(card), total };
}

export async function search(db: Db, query: string, limit: number, offset: number): Promise<Page<ArticleCard>> {
  const words = searchWords(query).split(' ').filter(Boolean).slice(0, 12);
  if (words.length === 0) return { items: [], total: 0 };
  const { rows, total } = await repo.listPublic(db, { now: new Date().toISOString(), words, limit, offset });
  return { items: rows.map(card), total };
}

export async function articleBySlug(db: Db, slug: string): Promise<PublicArticle | null> {
  const row = await repo.findPublicBySlug(db, slug, new Date().toISOString());
  return row ? full(db, row) : null;
}

/** Any article of the actor's units as the public would see it once published. */
export async function preview(db: Db, actor: Actor | null, id: number): Promise<PublicArticle> {
  const row = await repo.findArticle(db, id);
  if (!row) throw new NotFoundError('news_article', id);
  await access.authorize(db, actor, { action: 'news.write', unitId: row.unit_id });
  return full(db, row);
}

/** Published articles reporting on a record of another module (e.g. the news of a plan). */
export async function newsAbout(db: Db, kind: string, targetId: number, limit = 10): Promise<ArticleCard[]> {
  return (await repo.publicLinkedTo(db, kind, targetId, new Date().toISOString(), limit)).map(card);
}

/** Every public article's address and last change, newest first (sitemaps hold at most 50,000). */
export async function sitemapEntries(db: Db, limit = 50_000): Promise<Array<{ slug: string; updatedAt: string }>> {
  const rows = await repo.publicSlugs(db, new Date().toISOString(), limit);
  return rows.map((r) => ({ slug: r.slug, updatedAt: r.updated_at }));
}

export async function lastChange(db: Db): Promise<string | null> {
  return repo.lastPublicChange(db, new Date().toISOString());
}

/**
 * An image's bytes for the portal: to anyone when a public article shows it; before that only to
 * signed-in writers of a unit whose article holds it (editor and preview).
 */
export async function image(db: Db, store: FileStore, actor: Actor | null, fileId: number) {
  const file = await files.describeStored(db, fileId);
  if (!file || file.purpose !== 'news_image') throw new NotFoundError('file', fileId);
  const isPublic = await repo.imageIsPublic(db, fileId, new Date().toISOString());
  if (!isPublic) {
    let allowed = false;
    for (const unitId of await repo.unitsUsingFile(db, fileId)) {
      if (await access.can(db, actor, { action: 'news.write', unitId })) {
        allowed = true;
        break;
      }
    }
    if (!allowed) throw new NotFoundError('file', fileId);
  }
  const { row, bytes } = await files.readStored(db, store, fileId);
  return { bytes, mimeType: row.mime_type, sha256: row.sha256, isPublic };
}
