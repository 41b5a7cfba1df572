/**
 * The editor side of the news portal: articles written at a unit by its writers (editors,
 * leaders, coordinators of the subtree), reviewed and published by its publishers (editors and
 * leaders), moving draft → in review → published → unpublished. Every change bumps the version,
 * keeps a snapshot of the whole article and is audited in the same transaction.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { todayVn } from '../../core/dates';
import { ConflictError, NotFoundError, invalidField } from '../../core/errors';
import type { Action } from '../../core/permissions';
import { slugify } from '../../core/text';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as audit from '../audit/audit.service';
import type { FileStore } from '../files/file-store';
import * as files from '../files/files.service';
import * as orgs from '../orgs/orgs.service';
import type {
  Article, ArticleAction, ArticleStatus, CreateArticleInput, ListArticlesQuery, TransitionInput, UpdateArticleInput,
} from './news.contract';
import { NEWS_LINK_KINDS, NEWS_LINK_LABELS, resolveNewsLink, resolvableKinds, type NewsLinkKind } from './news.links';
import { imagePath } from './news.paths';
import { articleOf, snapshotOf, summaryOf } from './news.present';
import * as repo from './news.repository';
import { bodyImageIds, plainText, sanitizeBody, searchWords } from './news.sanitize';

type Db = Kysely<Database>;

export const NEWS_IMAGE_MAX_BYTES = 5 * 1024 * 1024;

/** Who may change an article's content depends on where it is in the workflow. */
function editAction(status: string): Action {
  return status === 'draft' || status === 'unpublished' ? 'news.write' : 'news.publish';
}

async function loadArticle(db: Db, id: number): Promise<repo.ArticleRow> {
  const row = await repo.findArticle(db, id);
  if (!row) throw new NotFoundError('news_article', id);
  return row;
}

export async function freeSlug(db: Db, table: 'news_articles' | 'news_categories', text: string, fallback: string): Promise<string> {
  const base = slugify(text, 88) || fallback;
  const taken = new Set(await repo.slugsLike(db, table, base));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

function searchTextOf(title: string, summary: string, bodyHtml: string, author: string | null): string {
  return ` ${searchWords([title, summary, plainText(bodyHtml), author ?? ''].join(' '))} `;
}

function toInstant(value: string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

function actorFields(actor: Actor | null) {
  return {
    userId: actor?.kind === 'user' ? actor.userId : null,
    name: actor ? (actor.kind === 'user' ? actor.displayName : `system:${actor.name}`) : null,
  };
}

/** The audit trail keeps the body's fingerprint; the full text lives in the versions. */
function auditView(snapshot: ReturnType<typeof snapshotOf>) {
  const { bodyHtml, ...rest } = snapshot;
  return { ...rest, bodyLength: bodyHtml.length, bodySha256: createHash('sha256').update(bodyHtml).digest('hex') };
}

async function requireCategory(db: Db, categoryId: number) {
  const category = await repo.findCategory(db, categoryId);
  if (!category || category.is_active !== 1) {
    throw invalidField('categoryId', `chuyên mục ${categoryId} không tồn tại hoặc đã ngừng dùng`, `category ${categoryId} does not exist or is no longer used`);
  }
}

async function checkLinks(db: Db, links: Array<{ kind: NewsLinkKind; id: number }>) {
  const seen = new Set<string>();
  const unique: Array<{ kind: NewsLinkKind; id: number }> = [];
  for (const [i, link] of links.entries()) {
    const key = `${link.kind}:${link.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if ((await resolveNewsLink(db, link.kind, link.id)) === null) {
      const label = NEWS_LINK_LABELS[link.kind];
      throw invalidField(`links.${i}.id`, `không có ${label.vi.toLowerCase()} số ${link.id}`, `there is no ${label.en.toLowerCase()} ${link.id}`);
    }
    unique.push(link);
  }
  return unique;
}

/** An image may be used by an article when it was uploaded as a news image of a unit the actor writes for. */
async function requireUsableImage(db: Db, actor: Actor | null, articleId: number, fileId: number, field: string) {
  const attached = (await repo.filesOf(db, articleId)).some((f) => f.file_id === fileId);
  if (attached) return;
  const file = await files.describeStored(db, fileId);
  const usable = file && file.purpose === 'news_image' && file.unit_id !== null
    && (await access.can(db, actor, { action: 'news.write', unitId: file.unit_id }));
  if (!usable) {
    throw invalidField(field, `ảnh ${imagePath(fileId)} không có trong kho ảnh tin bài của đơn vị; hãy tải ảnh lên cho bài viết`,
      `image ${imagePath(fileId)} is not a news image you may use; upload it to the article`);
  }
  await repo.attachFile(db, articleId, fileId, 'unused');
}

async function syncImages(db: Db, actor: Actor | null, articleId: number, coverId: number | null, bodyHtml: string) {
  const bodyIds = bodyImageIds(bodyHtml);
  if (coverId !== null) await requireUsableImage(db, actor, articleId, coverId, 'coverFileId');
  for (const id of bodyIds) await requireUsableImage(db, actor, articleId, id, 'bodyHtml');
  await repo.setFileRoles(db, articleId, coverId, bodyIds);
}

async function recordVersion(db: Db, actor: Actor | null, row: repo.ArticleRow, action: string, note: string | null) {
  const links = (await repo.linksOf(db, row.id)).map((l) => ({ kind: l.kind, id: l.target_id }));
  const snapshot = snapshotOf(row, links);
  const who = actorFields(actor);
  await repo.insertVersion(db, {
    article_id: row.id, version: row.version, action, status: row.status, note, snapshot_json: JSON.stringify(snapshot),
    actor_user_id: who.userId, actor_name: who.name, created_at: row.updated_at,
  });
  return snapshot;
}

export async function createArticle(db: Db, actor: Actor | null, input: CreateArticleInput): Promise<Article> {
  // The unit first (any signed-in user may read the structure), so an unknown unit is a bad field, not a refusal.
  await orgs.getUnit(db, actor, input.unitId).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw invalidField('unitId', `không có đơn vị ${input.unitId}`, `there is no unit ${input.unitId}`);
    throw error;
  });
  await access.authorize(db, actor, { action: 'news.write', unitId: input.unitId });
  await requireCategory(db, input.categoryId);
  if (input.slug && (await repo.slugTaken(db, input.slug))) throw duplicateSlug(input.slug);
  const slug = input.slug ?? (await freeSlug(db, 'news_articles', input.title, 'bai-viet'));
  const links = await checkLinks(db, input.links);
  const bodyHtml = sanitizeBody(input.bodyHtml);
  const now = new Date().toISOString();
  const who = actorFields(actor);
  const id = await repo.insertArticle(db, {
    unit_id: input.unitId, category_id: input.categoryId, slug, title: input.title, summary: input.summary, body_html: bodyHtml,
    cover_file_id: null, cover_caption: input.coverCaption ?? null, cover_alt: input.coverAlt ?? null,
    author: input.author ?? null, source: input.source ?? null, source_url: input.sourceUrl ?? null, status: 'draft', publish_at: toInstant(input.publishAt),
    first_published_at: null, search_text: searchTextOf(input.title, input.summary, bodyHtml, input.author ?? null), version: 1,
    created_by: who.userId, created_at: now, updated_by: who.userId, updated_at: now,
  });
  await repo.replaceLinks(db, id, links);
  await syncImages(db, actor, id, null, bodyHtml);
  const row = await loadArticle(db, id);
  const snapshot = await recordVersion(db, actor, row, 'create', null);
  await audit.record(db, actor, { entity: 'news_article', entityId: id, action: 'create', unitId: row.unit_id, after: auditView(snapshot) });
  return view(db, actor, row);
}

function duplicateSlug(slug: string) {
  return new ConflictError({ vi: `Đường dẫn "${slug}" đã có bài viết khác dùng`, en: `Another article already uses the slug "${slug}"` }, { field: 'slug' }, 'duplicate_slug');
}

function staleVersion(current: number, sent: number) {
  return new ConflictError(
    { vi: `Bài viết đã được người khác lưu (phiên bản ${current}, bạn sửa từ phiên bản ${sent}); hãy tải lại`, en: `Someone else saved the article (version ${current}; you edited version ${sent}); reload it` },
    { field: 'version', current, sent }, 'stale_version',
  );
}

/** The article, locked for the rest of the caller's transaction (read-modify-write). */
async function lockCurrent(db: Db, id: number): Promise<repo.ArticleRow> {
  if (!(await repo.lockArticle(db, id))) throw new NotFoundError('news_article', id);
  return loadArticle(db, id);
}

export async function updateArticle(db: Db, actor: Actor | null, id: number, input: UpdateArticleInput): Promise<Article> {
  const before = await lockCurrent(db, id);
  await access.authorize(db, actor, { action: editAction(before.status), unitId: before.unit_id });
  if (before.version !== input.version) throw staleVersion(before.version, input.version);
  if (input.categoryId !== undefined && input.categoryId !== before.category_id) await requireCategory(db, input.categoryId);
  if (input.slug !== undefined && input.slug !== before.slug) {
    if (before.first_published_at) {
      throw invalidField('slug', 'bài đã xuất bản nên không đổi được đường dẫn (liên kết đã chia sẻ sẽ hỏng)', 'the article has been published, so its slug cannot change (shared links would break)');
    }
    if (await repo.slugTaken(db, input.slug, id)) throw duplicateSlug(input.slug);
  }
  const oldLinks = (await repo.linksOf(db, id)).map((l) => ({ kind: l.kind as NewsLinkKind, id: l.target_id }));
  const links = input.links !== undefined ? await checkLinks(db, input.links) : oldLinks;
  const next = {
    category_id: input.categoryId ?? before.category_id,
    slug: input.slug ?? before.slug,
    title: input.title ?? before.title,
    summary: input.summary ?? before.summary,
    body_html: input.bodyHtml !== undefined ? sanitizeBody(input.bodyHtml) : before.body_html,
    cover_file_id: input.coverFileId !== undefined ? input.coverFileId : before.cover_file_id,
    cover_caption: input.coverCaption !== undefined ? input.coverCaption : before.cover_caption,
    cover_alt: input.coverAlt !== undefined ? input.coverAlt : before.cover_alt,
    author: input.author !== undefined ? input.author : before.author,
    source: input.source !== undefined ? input.source : before.source,
    source_url: input.sourceUrl !== undefined ? input.sourceUrl : before.source_url,
    publish_at: input.publishAt !== undefined ? toInstant(input.publishAt) : before.publish_at,
  };
  const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => next[k] !== before[k]);
  const linksChanged = JSON.stringify(links) !== JSON.stringify(oldLinks);
  if (changed.length === 0 && !linksChanged) return view(db, actor, before);

  // Images are checked (and attached) before the row points at them.
  await syncImages(db, actor, id, next.cover_file_id, next.body_html);
  const who = actorFields(actor);
  const ok = await repo.updateArticle(db, id, before.version, {
    ...next, search_text: searchTextOf(next.title, next.summary, next.body_html, next.author),
    version: before.version + 1, updated_by: who.userId, updated_at: new Date().toISOString(),
  });
  if (!ok) throw staleVersion(before.version + 1, input.version);
  if (linksChanged) await repo.replaceLinks(db, id, links);
  const after = await loadArticle(db, id);
  const snapshot = await recordVersion(db, actor, after, 'update', null);
  await audit.record(db, actor, {
    entity: 'news_article', entityId: id, action: 'update', unitId: after.unit_id,
    before: auditView(snapshotOf(before, oldLinks)), after: { ...auditView(snapshot), changed: [...changed, ...(linksChanged ? ['links'] : [])] },
  });
  return view(db, actor, after);
}

export type Transition = 'submit' | 'return' | 'publish' | 'unpublish' | 'reopen';

/** The editing and workflow actions the actor may take on the article as it stands. */
async function allowedActions(db: Db, actor: Actor | null, row: repo.ArticleRow): Promise<ArticleAction[]> {
  const may = new Map<Action, boolean>();
  const can = async (action: Action) => {
    if (!may.has(action)) may.set(action, await access.can(db, actor, { action, unitId: row.unit_id }));
    return may.get(action)!;
  };
  const out: ArticleAction[] = [];
  if (await can(editAction(row.status))) out.push('edit');
  for (const [name, rule] of Object.entries(TRANSITIONS) as Array<[Transition, (typeof TRANSITIONS)[Transition]]>) {
    if (rule.from.includes(row.status as ArticleStatus) && (await can(rule.action))) out.push(name);
  }
  return out;
}

async function view(db: Db, actor: Actor | null, row: repo.ArticleRow): Promise<Article> {
  return articleOf(db, row, await allowedActions(db, actor, row));
}

const TRANSITIONS: Record<Transition, { from: ArticleStatus[]; to: ArticleStatus; action: Action; needsNote: boolean }> = {
  submit: { from: ['draft'], to: 'in_review', action: 'news.write', needsNote: false },
  return: { from: ['in_review'], to: 'draft', action: 'news.publish', needsNote: true },
  publish: { from: ['in_review', 'unpublished'], to: 'published', action: 'news.publish', needsNote: false },
  unpublish: { from: ['published'], to: 'unpublished', action: 'news.publish', needsNote: true },
  reopen: { from: ['unpublished'], to: 'draft', action: 'news.write', needsNote: false },
};

const STATUS_NAMES: Record<ArticleStatus, { vi: string; en: string }> = {
  draft: { vi: 'bản nháp', en: 'draft' },
  in_review: { vi: 'chờ duyệt', en: 'in review' },
  published: { vi: 'đã xuất bản', en: 'published' },
  unpublished: { vi: 'đã gỡ', en: 'unpublished' },
};

export async function transition(db: Db, actor: Actor | null, id: number, name: Transition, input: TransitionInput): Promise<Article> {
  const rule = TRANSITIONS[name];
  const before = await lockCurrent(db, id);
  await access.authorize(db, actor, { action: rule.action, unitId: before.unit_id });
  if (before.version !== input.version) throw staleVersion(before.version, input.version);
  const status = before.status as ArticleStatus;
  if (!rule.from.includes(status)) {
    throw new ConflictError({
      vi: `Không thể ${name === 'publish' ? 'xuất bản' : name === 'submit' ? 'gửi duyệt' : name === 'return' ? 'trả lại' : name === 'unpublish' ? 'gỡ' : 'mở lại'} bài đang ở trạng thái ${STATUS_NAMES[status].vi}`,
      en: `Cannot ${name} an article that is ${STATUS_NAMES[status].en}`,
    }, { status, allowedFrom: rule.from }, 'invalid_transition');
  }
  if (rule.needsNote && !input.note) throw invalidField('note', 'cần ghi lý do', 'a reason is required');
  if (input.publishAt !== undefined && name !== 'publish') throw invalidField('publishAt', 'chỉ dùng khi xuất bản', 'only used when publishing');
  if ((name === 'submit' || name === 'publish') && plainText(before.body_html) === '' && bodyImageIds(before.body_html).length === 0) {
    throw invalidField('bodyHtml', 'bài viết chưa có nội dung', 'the article has no body yet');
  }
  if (name === 'publish') await requireCategory(db, before.category_id);
  const now = new Date().toISOString();
  const who = actorFields(actor);
  const patch = {
    status: rule.to, version: before.version + 1, updated_by: who.userId, updated_at: now,
    ...(name === 'publish' ? {
      publish_at: toInstant(input.publishAt) ?? before.publish_at ?? now,
      first_published_at: before.first_published_at ?? now,
    } : {}),
  };
  if (!(await repo.updateArticle(db, id, before.version, patch))) throw staleVersion(before.version + 1, input.version);
  const after = await loadArticle(db, id);
  await recordVersion(db, actor, after, name, input.note ?? null);
  await audit.record(db, actor, {
    entity: 'news_article', entityId: id, action: name, unitId: after.unit_id,
    before: { status: before.status, publishAt: before.publish_at },
    after: { status: after.status, publishAt: after.publish_at, note: input.note ?? null, version: after.version },
  });
  return view(db, actor, after);
}

export async function getArticle(db: Db, actor: Actor | null, id: number): Promise<Article> {
  const row = await loadArticle(db, id);
  await access.authorize(db, actor, { action: 'news.write', unitId: row.unit_id });
  return view(db, actor, row);
}

export async function listArticles(db: Db, actor: Actor | null, q: ListArticlesQuery) {
  if (q.unit !== undefined) await access.authorize(db, actor, { action: 'news.write', unitId: q.unit });
  else await access.authorize(db, actor, { action: 'news.write', unitId: null });
  const { rows, total, counts } = await repo.listForEditors(db, {
    scope: access.scopeRoots(actor, 'news.write'), asOf: todayVn(), status: q.status, unitId: q.unit, categoryId: q.category,
    words: q.q ? searchWords(q.q).split(' ').filter(Boolean) : [], limit: q.limit, offset: q.offset,
  });
  return { total, counts, items: rows.map(summaryOf) };
}

export async function listVersions(db: Db, actor: Actor | null, id: number) {
  const row = await loadArticle(db, id);
  await access.authorize(db, actor, { action: 'news.write', unitId: row.unit_id });
  const versions = await repo.listVersions(db, id);
  return versions.map((v) => ({
    version: v.version, action: v.action, status: v.status as ArticleStatus, note: v.note,
    actorUserId: v.actor_user_id, actorName: v.actor_name, createdAt: v.created_at,
    snapshot: JSON.parse(v.snapshot_json) as Record<string, unknown>,
  }));
}

/** Upload an image for an article; it becomes public only once a published article shows it. */
export async function uploadImage(
  db: Db, store: FileStore, actor: Actor | null, id: number, upload: { bytes: Buffer; originalName: string },
) {
  const row = await loadArticle(db, id);
  await access.authorize(db, actor, { action: editAction(row.status), unitId: row.unit_id });
  const stored = await files.storeUpload(db, store, actor, {
    bytes: upload.bytes, originalName: upload.originalName, purpose: 'news_image', unitId: row.unit_id,
    allowed: files.IMAGE_KINDS, maxBytes: NEWS_IMAGE_MAX_BYTES, field: 'file',
  });
  await repo.attachFile(db, id, stored.id, 'unused');
  await audit.record(db, actor, { entity: 'news_article', entityId: id, action: 'attach_image', unitId: row.unit_id, after: { fileId: stored.id } });
  return { fileId: stored.id, url: imagePath(stored.id), mimeType: stored.mimeType, sizeBytes: stored.sizeBytes };
}

export function linkKinds(actor: Actor | null) {
  access.requireUser(actor);
  const resolvable = new Set(resolvableKinds());
  return NEWS_LINK_KINDS.map((kind) => ({ kind, labelVi: NEWS_LINK_LABELS[kind].vi, labelEn: NEWS_LINK_LABELS[kind].en, resolvable: resolvable.has(kind) }));
}
