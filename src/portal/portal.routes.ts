/**
 * The public news portal: server-rendered pages, no login, no client script. Only published
 * articles whose time has come are reachable; anything else answers 404. The editors' preview
 * lives under /api/ so the session and its permissions apply.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../core/actor';
import { idParams } from '../core/contract';
import { NotFoundError } from '../core/errors';
import { SESSION_COOKIE } from '../http/auth-hook';
import * as auth from '../modules/auth/auth.service';
import * as categories from '../modules/news/news-category.service';
import * as publicNews from '../modules/news/news-public.service';
import { slug as slugSchema } from '../modules/news/news.contract';
import { articlePage } from './article-page';
import { robots, rss, sitemap } from './feeds';
import { PORTAL_CSS } from './layout';
import { categoryPage, homePage, notFoundPage, searchPage } from './listing-pages';
import { PAGE_SIZE, siteBase } from './site';

const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";
const OTHER_NEWS = 5;
const SECTION_SIZE = 4;

function pageNumber(query: unknown): number {
  const raw = (query as Record<string, unknown> | undefined)?.trang;
  const n = typeof raw === 'string' && /^\d{1,5}$/.test(raw) ? Number(raw) : 1;
  return n >= 1 ? n : 1;
}

function searchText(query: unknown): string {
  const raw = (query as Record<string, unknown> | undefined)?.q;
  return typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
}

function isSlug(value: string): boolean {
  return slugSchema.safeParse(value).success && value === value.toLowerCase();
}

function sendHtml(reply: FastifyReply, body: string, options: { status?: number; cache?: 'public' | 'private' } = {}) {
  return reply.code(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .header('cache-control', options.cache === 'private' ? 'private, no-store' : 'public, max-age=60')
    .send(body);
}

/** Not every path is the portal's: the JSON API and the staff app keep their own 404s. */
export function isPortalRequest(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0];
  return (req.method === 'GET' || req.method === 'HEAD') && !path.startsWith('/api/') && !path.startsWith('/app/')
    && /text\/html/.test(String(req.headers.accept ?? ''));
}

export async function sendPortalNotFound(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
  const shell = { base: siteBase(req, app.config), categories: await app.read((db) => categories.activeCategories(db)) };
  return sendHtml(reply, notFoundPage(shell), { status: 404 });
}

export async function portalRoutes(app: FastifyInstance): Promise<void> {
  const hidden = { schema: { hide: true } };
  const shell = async (req: FastifyRequest) => ({
    base: siteBase(req, app.config),
    categories: await app.read((db) => categories.activeCategories(db)),
  });

  /** The signed-in reader of a cookie session, for images that are not public yet. */
  const sessionActor = async (req: FastifyRequest): Promise<Actor | null> => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return null;
    return (await auth.actorFromSession(app.db.db, app.config, token, req.ip))?.actor ?? null;
  };

  app.get('/', hidden, async (req, reply) => {
    const pageNo = pageNumber(req.query);
    const s = await shell(req);
    const latest = await app.read((db) => publicNews.latest(db, { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }));
    if (pageNo > 1 && latest.items.length === 0) return sendPortalNotFound(app, req, reply);
    const sections = pageNo === 1
      ? await app.read(async (db) => {
        const out = [];
        for (const c of s.categories) {
          const { items } = await publicNews.latest(db, { categoryId: c.id, limit: SECTION_SIZE, offset: 0 });
          if (items.length) out.push({ slug: c.slug, name: c.name, cards: items });
        }
        return out;
      })
      : [];
    return sendHtml(reply, homePage(s, latest, pageNo, sections));
  });

  app.get<{ Params: { slug: string } }>('/chuyen-muc/:slug', hidden, async (req, reply) => {
    const pageNo = pageNumber(req.query);
    const category = isSlug(req.params.slug) ? await app.read((db) => categories.publicCategoryBySlug(db, req.params.slug)) : null;
    if (!category) return sendPortalNotFound(app, req, reply);
    const list = await app.read((db) => publicNews.latest(db, { categoryId: category.id, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }));
    if (pageNo > 1 && list.items.length === 0) return sendPortalNotFound(app, req, reply);
    return sendHtml(reply, categoryPage(await shell(req), category, list, pageNo));
  });

  const showArticle = (print: boolean) => async (req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) => {
    const found = isSlug(req.params.slug) ? await app.read((db) => publicNews.articleBySlug(db, req.params.slug)) : null;
    if (!found) return sendPortalNotFound(app, req, reply);
    const others = print ? [] : (await app.read((db) => publicNews.latest(db, { limit: OTHER_NEWS, offset: 0, excludeId: found.id }))).items;
    return sendHtml(reply, await articlePage(await shell(req), found, others, { print }));
  };
  app.get('/tin-tuc/:slug', hidden, showArticle(false));
  app.get('/tin-tuc/:slug/in', hidden, showArticle(true));

  app.get('/tim-kiem', hidden, async (req, reply) => {
    const q = searchText(req.query);
    const pageNo = pageNumber(req.query);
    const results = q ? await app.read((db) => publicNews.search(db, q, PAGE_SIZE, (pageNo - 1) * PAGE_SIZE)) : { items: [], total: 0 };
    return sendHtml(reply, searchPage(await shell(req), q, results, pageNo));
  });

  app.get('/rss.xml', hidden, async (req, reply) => {
    const base = siteBase(req, app.config);
    const [latest, lastChange] = await app.read((db) => Promise.all([publicNews.latest(db, { limit: 50, offset: 0 }), publicNews.lastChange(db)]));
    return reply.type('application/rss+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(rss(base, latest.items, lastChange));
  });

  app.get('/sitemap.xml', hidden, async (req, reply) => {
    const s = await shell(req);
    const entries = await app.read((db) => publicNews.sitemapEntries(db));
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(sitemap(s.base, s.categories, entries));
  });

  app.get('/robots.txt', hidden, async (req, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=86400').send(robots(siteBase(req, app.config))));

  // The stylesheet's address carries its hash (PORTAL_CSS_PATH), so it can be cached for a year.
  app.get('/portal.css', hidden, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(PORTAL_CSS));

  app.get<{ Params: { id: string } }>('/anh/:id', hidden, async (req, reply) => {
    if (!/^[1-9]\d{0,9}$/.test(req.params.id)) return sendPortalNotFound(app, req, reply);
    const actor = await sessionActor(req);
    const found = await app.read((db) => publicNews.image(db, app.fileStore, actor, Number(req.params.id))).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!found) return reply.code(404).type('text/plain; charset=utf-8').send('Không tìm thấy ảnh / image not found\n');
    return reply.type(found.mimeType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('etag', `"${found.sha256}"`)
      .header('cache-control', found.isPublic ? 'public, max-age=86400' : 'private, no-store')
      .send(found.bytes);
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/news/articles/:id/preview', {
    schema: { tags: ['news'], summary: 'Preview an article as the portal will show it (HTML; any status)', params: idParams },
  }, async (req, reply) => {
    const id = req.params.id;
    const s = await shell(req);
    const html = await app.read(async (db) => {
      const preview = await publicNews.preview(db, req.actor, id);
      const others = (await publicNews.latest(db, { limit: OTHER_NEWS, offset: 0, excludeId: preview.id })).items;
      return articlePage(s, preview, others, { preview: true });
    });
    return sendHtml(reply, html, { cache: 'private' });
  });
}
