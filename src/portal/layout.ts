/** The page shell of the portal: head (canonical, Open Graph), skip link, header, nav, main, footer. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { categoryPath, SEARCH_PATH } from '../modules/news/news.paths';
import { html, type Html } from './html';
import { SITE_NAME, SITE_TAGLINE, absolute } from './site';

export const PORTAL_CSS = fs.readFileSync(fileURLToPath(new URL('./portal.css', import.meta.url)), 'utf8');
export const PORTAL_CSS_PATH = `/portal.css?v=${createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 10)}`;

export interface PageOptions {
  base: string;
  title: string;
  description: string;
  /** Path of this page's canonical address (without query, except for paging). */
  canonicalPath: string;
  categories: Array<{ slug: string; name: string }>;
  currentCategory?: string;
  searchQuery?: string;
  og?: { type: 'website' | 'article'; image?: string | null; publishedTime?: string; modifiedTime?: string; section?: string };
  /** Previews and search results are not for search engines. */
  noindex?: boolean;
  /** The print view: no header, navigation or footer at all. */
  bare?: boolean;
  main: Html;
}

function head(o: PageOptions): Html {
  const canonical = absolute(o.base, o.canonicalPath);
  const fullTitle = o.title === SITE_NAME ? SITE_NAME : `${o.title} – ${SITE_NAME}`;
  const og = o.og ?? { type: 'website' as const };
  return html`<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<meta name="description" content="${o.description}">
${o.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="canonical" href="${canonical}">
<meta property="og:site_name" content="${SITE_NAME}">
<meta property="og:locale" content="vi_VN">
<meta property="og:type" content="${og.type}">
<meta property="og:title" content="${o.title}">
<meta property="og:description" content="${o.description}">
<meta property="og:url" content="${canonical}">
${og.image ? html`<meta property="og:image" content="${absolute(o.base, og.image)}">` : ''}
${og.publishedTime ? html`<meta property="article:published_time" content="${og.publishedTime}">` : ''}
${og.modifiedTime ? html`<meta property="article:modified_time" content="${og.modifiedTime}">` : ''}
${og.section ? html`<meta property="article:section" content="${og.section}">` : ''}
<link rel="alternate" type="application/rss+xml" title="${SITE_NAME}" href="/rss.xml">
<link rel="stylesheet" href="${PORTAL_CSS_PATH}">
</head>`;
}

function header(o: PageOptions): Html {
  const current = (slug: string | undefined) => (slug === o.currentCategory ? html` aria-current="page"` : '');
  return html`<a class="skip" href="#noi-dung">Bỏ qua điều hướng, đến nội dung chính</a>
<header class="site-header">
<div class="wrap">
<a class="brand" href="/">${SITE_NAME}<small>${SITE_TAGLINE}</small></a>
<form class="search" role="search" action="${SEARCH_PATH}" method="get">
<label class="visually-hidden" for="tu-khoa">Tìm bài viết</label>
<input id="tu-khoa" name="q" type="search" value="${o.searchQuery ?? ''}" placeholder="Tìm bài viết…">
<button type="submit">Tìm</button>
</form>
</div>
<nav class="site-nav" aria-label="Chuyên mục">
<ul>
<li><a href="/"${current('')}>Trang chủ</a></li>
${o.categories.map((c) => html`<li><a href="${categoryPath(c.slug)}"${current(c.slug)}>${c.name}</a></li>`)}
</ul>
</nav>
</header>`;
}

function footer(): Html {
  return html`<footer class="site-footer">
<div class="wrap">
<p>${SITE_NAME} — ${SITE_TAGLINE}.</p>
<p><a href="/rss.xml">Tin mới qua RSS</a> · <a href="/sitemap.xml">Sơ đồ trang</a> · <a href="/app/">Trang làm việc của cán bộ (đăng nhập)</a></p>
</div>
</footer>`;
}

export function page(o: PageOptions): string {
  const body = o.bare
    ? html`<main id="noi-dung" class="wrap">${o.main}</main>`
    : html`${header(o)}
<main id="noi-dung" class="wrap" tabindex="-1">${o.main}</main>
${footer()}`;
  return `<!doctype html>\n<html lang="vi">\n${head(o)}\n<body>\n${body}\n</body>\n</html>\n`;
}
