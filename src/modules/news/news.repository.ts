import type { Insertable, Kysely, SelectQueryBuilder, Updateable } from 'kysely';
import { forUpdate } from '../../db/dialect';
import { inForce } from '../../db/effective-dated';
import type { Database } from '../../db/schema';
import type { NewsArticlesTable, NewsCategoriesTable, NewsArticleVersionsTable } from '../../db/tables/news';

type Db = Kysely<Database>;

// ---- categories ----

export async function insertCategory(db: Db, row: Insertable<NewsCategoriesTable>): Promise<number> {
  return (await db.insertInto('news_categories').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateCategory(db: Db, id: number, patch: Updateable<NewsCategoriesTable>): Promise<void> {
  await db.updateTable('news_categories').set(patch).where('id', '=', id).execute();
}

export async function findCategory(db: Db, id: number) {
  return db.selectFrom('news_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCategoryBySlug(db: Db, slug: string) {
  return db.selectFrom('news_categories').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listCategories(db: Db, activeOnly: boolean) {
  let query = db.selectFrom('news_categories').selectAll().orderBy('sort_order').orderBy('id');
  if (activeOnly) query = query.where('is_active', '=', 1);
  return query.execute();
}

// ---- articles ----

export async function insertArticle(db: Db, row: Insertable<NewsArticlesTable>): Promise<number> {
  return (await db.insertInto('news_articles').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Apply a change only if nobody saved since `expectedVersion`; false when someone did. */
export async function updateArticle(db: Db, id: number, expectedVersion: number, patch: Updateable<NewsArticlesTable>): Promise<boolean> {
  const result = await db.updateTable('news_articles').set(patch)
    .where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const articleColumns = [
  'a.id', 'a.unit_id', 'a.category_id', 'c.name as category_name', 'c.slug as category_slug', 'a.slug', 'a.title', 'a.summary',
  'a.body_html', 'a.cover_file_id', 'a.cover_caption', 'a.cover_alt', 'a.author', 'a.source', 'a.source_url', 'a.status', 'a.publish_at',
  'a.first_published_at', 'a.version', 'a.created_by', 'a.created_at', 'a.updated_by', 'a.updated_at',
] as const;

function articles(db: Db) {
  return db.selectFrom('news_articles as a').innerJoin('news_categories as c', 'c.id', 'a.category_id');
}

export type ArticleRow = Awaited<ReturnType<typeof findArticle>> & object;

export async function findArticle(db: Db, id: number) {
  return articles(db).select(articleColumns).where('a.id', '=', id).executeTakeFirst();
}

/** The article locked for a read-modify-write in the caller's transaction. */
export async function lockArticle(db: Db, id: number) {
  return forUpdate(db, db.selectFrom('news_articles').select(['id', 'version']).where('id', '=', id)).executeTakeFirst();
}

export async function slugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('news_articles').select('id').where('slug', '=', slug);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Slugs starting with `base` (to pick the next free "base-2", "base-3" …). */
export async function slugsLike(db: Db, table: 'news_articles' | 'news_categories', base: string): Promise<string[]> {
  const rows = await db.selectFrom(table).select('slug').where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)])).execute();
  return rows.map((r) => r.slug);
}

export interface EditorListFilter {
  /** Articles whose unit lies in one of these subtrees today; null = every article. */
  scope: Array<{ unitId: number; hierarchy: string }> | null;
  asOf: string;
  status?: string;
  unitId?: number;
  categoryId?: number;
  words: string[];
  limit: number;
  offset: number;
}

// Typed loosely: the same filter serves the row query and the count query over the aliased join.
function editorFilter<O>(query: SelectQueryBuilder<any, any, O>, f: EditorListFilter, withStatus: boolean) {
  let q = query;
  if (f.scope) {
    const scope = f.scope;
    // Judged as access.relationOf judges one unit: today, or for a unit that has ended, on its
    // last day — so the articles of a dissolved unit stay with those who oversaw it.
    q = q.where((eb) => eb.exists(eb.selectFrom('org_closure as oc').innerJoin('org_units as ou', 'ou.id', 'oc.descendant_id').select('oc.depth')
      .whereRef('oc.descendant_id', '=', 'a.unit_id')
      .where((e) => e.or([
        inForce(f.asOf, 'oc')(e),
        e.and([e('ou.valid_to', 'is not', null), e('ou.valid_to', '<=', f.asOf), e('oc.valid_to', '=', e.ref('ou.valid_to'))]),
      ]))
      .where((e) => e.or(scope.map((s) => e.and([e('oc.ancestor_id', '=', s.unitId), e('oc.hierarchy', '=', s.hierarchy)]))))));
  }
  if (withStatus && f.status) q = q.where('a.status', '=', f.status);
  if (f.unitId !== undefined) q = q.where('a.unit_id', '=', f.unitId);
  if (f.categoryId !== undefined) q = q.where('a.category_id', '=', f.categoryId);
  for (const word of f.words) q = q.where('a.search_text', 'like', `% ${word}%`);
  return q;
}

export async function listForEditors(db: Db, f: EditorListFilter) {
  if (f.scope && f.scope.length === 0) return { rows: [], total: 0, counts: {} as Record<string, number> };
  const rows = await editorFilter(articles(db).select(articleColumns), f, true)
    .orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc').limit(f.limit).offset(f.offset).execute();
  const grouped = await editorFilter(articles(db).select((eb) => ['a.status', eb.fn.countAll<number>().as('n')]), f, false)
    .groupBy('a.status').execute();
  const counts: Record<string, number> = {};
  for (const g of grouped as Array<{ status: string; n: number | string }>) counts[g.status] = Number(g.n);
  const total = f.status ? counts[f.status] ?? 0 : Object.values(counts).reduce((a, b) => a + b, 0);
  return { rows: rows as ArticleRow[], total, counts };
}

// ---- public ----

export interface PublicFilter {
  now: string;
  categoryId?: number;
  words?: string[];
  excludeId?: number;
  limit: number;
  offset: number;
}

function publicArticles(db: Db, f: Pick<PublicFilter, 'now' | 'categoryId' | 'words' | 'excludeId'>) {
  let q = articles(db).where('a.status', '=', 'published').where('a.publish_at', '<=', f.now);
  if (f.categoryId !== undefined) q = q.where('a.category_id', '=', f.categoryId);
  if (f.excludeId !== undefined) q = q.where('a.id', '!=', f.excludeId);
  for (const word of f.words ?? []) q = q.where('a.search_text', 'like', `% ${word}%`);
  return q;
}

export async function listPublic(db: Db, f: PublicFilter) {
  const rows = await publicArticles(db, f).select(articleColumns)
    .orderBy('a.publish_at', 'desc').orderBy('a.id', 'desc').limit(f.limit).offset(f.offset).execute();
  const count = await publicArticles(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows as ArticleRow[], total: Number(count.n) };
}

export async function publicSlugs(db: Db, now: string, limit: number) {
  return publicArticles(db, { now }).select(['a.slug', 'a.updated_at']).orderBy('a.publish_at', 'desc').limit(limit).execute();
}

export async function findPublicBySlug(db: Db, slug: string, now: string) {
  return publicArticles(db, { now }).select(articleColumns).where('a.slug', '=', slug).executeTakeFirst();
}

/** Published articles that report on one record of another module (e.g. a plan's news). */
export async function publicLinkedTo(db: Db, kind: string, targetId: number, now: string, limit: number) {
  return publicArticles(db, { now }).select(articleColumns)
    .where((eb) => eb.exists(eb.selectFrom('news_article_links as l').select('l.article_id')
      .whereRef('l.article_id', '=', 'a.id').where('l.kind', '=', kind).where('l.target_id', '=', targetId)))
    .orderBy('a.publish_at', 'desc').limit(limit).execute();
}

// ---- versions ----

export async function insertVersion(db: Db, row: Insertable<NewsArticleVersionsTable>): Promise<void> {
  await db.insertInto('news_article_versions').values(row).execute();
}

export async function listVersions(db: Db, articleId: number) {
  return db.selectFrom('news_article_versions').selectAll().where('article_id', '=', articleId).orderBy('version', 'desc').execute();
}

// ---- links ----

export async function replaceLinks(db: Db, articleId: number, links: Array<{ kind: string; id: number }>): Promise<void> {
  await db.deleteFrom('news_article_links').where('article_id', '=', articleId).execute();
  if (links.length === 0) return;
  await db.insertInto('news_article_links')
    .values(links.map((l, i) => ({ article_id: articleId, kind: l.kind, target_id: l.id, sort_order: i })))
    .execute();
}

export async function linksOf(db: Db, articleId: number) {
  return db.selectFrom('news_article_links').select(['kind', 'target_id']).where('article_id', '=', articleId).orderBy('sort_order').execute();
}

// ---- images ----

export async function attachFile(db: Db, articleId: number, fileId: number, role: string): Promise<void> {
  await db.insertInto('news_article_files').values({ article_id: articleId, file_id: fileId, role })
    .onConflict((oc) => oc.columns(['article_id', 'file_id']).doUpdateSet({ role })).execute();
}

export async function filesOf(db: Db, articleId: number) {
  return db.selectFrom('news_article_files').select(['file_id', 'role']).where('article_id', '=', articleId).orderBy('file_id').execute();
}

/** Mark which attached images the current version shows (cover, body) and which it does not. */
export async function setFileRoles(db: Db, articleId: number, coverId: number | null, bodyIds: number[]): Promise<void> {
  const attached = await filesOf(db, articleId);
  for (const f of attached) {
    const role = f.file_id === coverId ? 'cover' : bodyIds.includes(f.file_id) ? 'body' : 'unused';
    if (role !== f.role) {
      await db.updateTable('news_article_files').set({ role }).where('article_id', '=', articleId).where('file_id', '=', f.file_id).execute();
    }
  }
}

/** Units of the articles an image is attached to (who may see it before it is public). */
export async function unitsUsingFile(db: Db, fileId: number): Promise<number[]> {
  const rows = await db.selectFrom('news_article_files as f').innerJoin('news_articles as a', 'a.id', 'f.article_id')
    .select('a.unit_id').where('f.file_id', '=', fileId).distinct().execute();
  return rows.map((r) => r.unit_id);
}

/** True when a published article that is public now shows this image (as cover or in its body). */
export async function imageIsPublic(db: Db, fileId: number, now: string): Promise<boolean> {
  const row = await db.selectFrom('news_article_files as f').innerJoin('news_articles as a', 'a.id', 'f.article_id')
    .select('f.file_id')
    .where('f.file_id', '=', fileId).where('f.role', 'in', ['cover', 'body'])
    .where('a.status', '=', 'published').where('a.publish_at', '<=', now)
    .executeTakeFirst();
  return row !== undefined;
}

/** Latest change of anything public (for feeds' and sitemaps' modification times). */
export async function lastPublicChange(db: Db, now: string): Promise<string | null> {
  const row = await publicArticles(db, { now }).select((eb) => eb.fn.max('a.updated_at').as('at')).executeTakeFirst();
  return (row?.at as string | null | undefined) ?? null;
}
