/** Articles for tests, created through the services (no SQL shortcuts), in every workflow state. */
import type { Kysely } from 'kysely';
import { SYSTEM_CLI, type Actor } from '../../core/actor';
import type { Database } from '../../db/schema';
import type { Article, CreateArticleInput } from './news.contract';
import * as categories from './news-category.service';
import * as news from './news.service';

type Db = Kysely<Database>;

export async function makeCategory(db: Db, unitId: number, name: string, actor: Actor = SYSTEM_CLI) {
  return categories.createCategory(db, actor, { unitId, name, sortOrder: 0 });
}

type Draft = Omit<CreateArticleInput, 'summary' | 'bodyHtml' | 'links'> & Partial<Pick<CreateArticleInput, 'summary' | 'bodyHtml' | 'links'>>;

export async function makeDraft(db: Db, input: Draft, actor: Actor = SYSTEM_CLI): Promise<Article> {
  return news.createArticle(db, actor, { summary: '', bodyHtml: '<p>Nội dung bài viết.</p>', links: [], ...input });
}

/** Draft → in review → published, at `publishAt` (or now). */
export async function makePublished(db: Db, input: Draft, actor: Actor = SYSTEM_CLI): Promise<Article> {
  const draft = await makeDraft(db, input, actor);
  const submitted = await news.transition(db, actor, draft.id, 'submit', { version: draft.version });
  return news.transition(db, actor, draft.id, 'publish', { version: submitted.version });
}
