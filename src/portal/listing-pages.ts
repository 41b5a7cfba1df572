/** Home, category, search and "not found" pages: lists of article cards with paging. */
import { newsDateLine } from '../core/dates';
import type { ArticleCard, Page } from '../modules/news/news-public.service';
import { articlePath, categoryPath, SEARCH_PATH } from '../modules/news/news.paths';
import { html, type Html } from './html';
import { page, type PageOptions } from './layout';
import { PAGE_SIZE, SITE_NAME, SITE_TAGLINE } from './site';

type Shell = Pick<PageOptions, 'base' | 'categories'>;

export function cardList(cards: ArticleCard[], heading: 'h2' | 'h3' = 'h2', showCategory = true): Html {
  const title = (c: ArticleCard) => (heading === 'h2'
    ? html`<h2><a href="${articlePath(c.slug)}">${c.title}</a></h2>`
    : html`<h3><a href="${articlePath(c.slug)}">${c.title}</a></h3>`);
  return html`<ul class="cards">
${cards.map((c) => html`<li>
${c.coverUrl ? html`<img src="${c.coverUrl}" alt="" loading="lazy" width="300" height="200">` : ''}
<div>
${title(c)}
<p class="meta"><time datetime="${c.publishAt}">${newsDateLine(c.publishAt)}</time>${showCategory ? html` · <a href="${categoryPath(c.categorySlug)}">${c.categoryName}</a>` : ''}</p>
<p>${c.lead}</p>
</div>
</li>`)}
</ul>`;
}

/** Paging links keep the other query parameters (the search words). */
function pager(path: string, pageNo: number, total: number, extra: Record<string, string> = {}): Html {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return html``;
  const href = (n: number) => {
    const params = new URLSearchParams(extra);
    if (n > 1) params.set('trang', String(n));
    const query = params.toString();
    return query ? `${path}?${query}` : path;
  };
  return html`<nav class="pager" aria-label="Phân trang">
${pageNo > 1 ? html`<a href="${href(pageNo - 1)}" rel="prev">« Trang trước</a>` : ''}
<span>Trang ${pageNo}/${pages}</span>
${pageNo < pages ? html`<a href="${href(pageNo + 1)}" rel="next">Trang sau »</a>` : ''}
</nav>`;
}

export function canonicalWithPage(path: string, pageNo: number): string {
  return pageNo > 1 ? `${path}?trang=${pageNo}` : path;
}

export function homePage(shell: Shell, latest: Page<ArticleCard>, pageNo: number, sections: Array<{ slug: string; name: string; cards: ArticleCard[] }>): string {
  const main = html`<h1>${pageNo > 1 ? `Tin mới — trang ${pageNo}` : 'Tin mới'}</h1>
${latest.items.length ? cardList(latest.items) : html`<p>Chưa có bài viết nào được xuất bản.</p>`}
${pager('/', pageNo, latest.total)}
${pageNo === 1 && sections.length ? html`<div class="sections">
${sections.map((s) => html`<section aria-labelledby="cm-${s.slug}">
<h2 id="cm-${s.slug}"><a href="${categoryPath(s.slug)}">${s.name}</a></h2>
<ul>${s.cards.map((c) => html`<li><a href="${articlePath(c.slug)}">${c.title}</a></li>`)}</ul>
</section>`)}
</div>` : ''}`;
  return page({
    ...shell, title: SITE_NAME, description: SITE_TAGLINE, canonicalPath: canonicalWithPage('/', pageNo), currentCategory: '', main,
  });
}

export function categoryPage(shell: Shell, category: { slug: string; name: string; description: string | null }, list: Page<ArticleCard>, pageNo: number): string {
  const path = categoryPath(category.slug);
  const main = html`<h1>${category.name}</h1>
${category.description ? html`<p>${category.description}</p>` : ''}
${list.items.length ? cardList(list.items, 'h2', false) : html`<p>Chuyên mục chưa có bài viết.</p>`}
${pager(path, pageNo, list.total)}`;
  return page({
    ...shell, title: category.name, description: category.description ?? `${category.name} — ${SITE_NAME}`,
    canonicalPath: canonicalWithPage(path, pageNo), currentCategory: category.slug, main,
  });
}

export function searchPage(shell: Shell, query: string, results: Page<ArticleCard>, pageNo: number): string {
  const main = html`<h1>Tìm kiếm</h1>
<form role="search" action="${SEARCH_PATH}" method="get" class="search no-print">
<label for="tim-lai">Từ khóa (có dấu hoặc không dấu)</label>
<input id="tim-lai" name="q" type="search" value="${query}">
<button type="submit" class="button">Tìm</button>
</form>
${query
    ? html`<p role="status">Tìm thấy ${results.total} bài viết cho “${query}”.</p>
${cardList(results.items)}
${pager(SEARCH_PATH, pageNo, results.total, { q: query })}`
    : html`<p>Nhập từ khóa để tìm bài viết, ví dụ “sinh hoat chuyen de”.</p>`}`;
  return page({
    ...shell, title: query ? `Tìm kiếm: ${query}` : 'Tìm kiếm', description: `Tìm bài viết trên ${SITE_NAME}`,
    canonicalPath: SEARCH_PATH, searchQuery: query, noindex: true, main,
  });
}

export function notFoundPage(shell: Shell): string {
  const main = html`<h1>Không tìm thấy trang</h1>
<p>Trang bạn tìm không có hoặc bài viết chưa được xuất bản.</p>
<p><a href="/">Về trang chủ</a> hoặc <a href="${SEARCH_PATH}">tìm bài viết</a>.</p>`;
  return page({ ...shell, title: 'Không tìm thấy trang', description: 'Không tìm thấy trang', canonicalPath: '/', noindex: true, main });
}
