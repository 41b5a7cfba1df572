/**
 * One article, laid out like the city portal's pages: date line, print link, title, lead, cover
 * with caption, body, author, source, related plan/event, QR code of the article's own address,
 * share links, "Tin khác". The print view is the same article without the site around it.
 */
import { newsDateLine } from '../core/dates';
import type { ArticleCard, PublicArticle } from '../modules/news/news-public.service';
import { articlePath, articlePrintPath, categoryPath } from '../modules/news/news.paths';
import { html, safeHref, trusted, type Html } from './html';
import { page, type PageOptions } from './layout';
import { cardList } from './listing-pages';
import { qrSvg } from './qr';
import { absolute, SITE_NAME } from './site';

type Shell = Pick<PageOptions, 'base' | 'categories'>;

const STATUS_VI: Record<string, string> = { draft: 'bản nháp', in_review: 'chờ duyệt', published: 'đã xuất bản', unpublished: 'đã gỡ' };

export interface ArticlePageOptions {
  /** The print view: no header, navigation, footer, sharing or other news. */
  print?: boolean;
  /** An editor's preview of an article that may not be public yet. */
  preview?: boolean;
}

function shareLinks(url: string, title: string): Html {
  const u = encodeURIComponent(url);
  return html`<div class="share">
<h2 class="visually-hidden">Chia sẻ</h2>
<ul>
<li><a href="https://www.facebook.com/sharer/sharer.php?u=${u}" rel="noopener noreferrer external" target="_blank">Chia sẻ Facebook<span class="visually-hidden"> (mở cửa sổ mới)</span></a></li>
<li><a href="https://sp.zalo.me/plugins/share?href=${u}" rel="noopener noreferrer external" target="_blank">Chia sẻ Zalo<span class="visually-hidden"> (mở cửa sổ mới)</span></a></li>
<li><a href="mailto:?subject=${encodeURIComponent(title)}&amp;body=${u}">Gửi email</a></li>
</ul>
<label for="duong-dan">Sao chép đường dẫn</label><br>
<input id="duong-dan" type="text" readonly value="${url}">
</div>`;
}

function related(items: PublicArticle['related']): Html {
  if (items.length === 0) return html``;
  return html`<section class="related" aria-labelledby="lien-quan">
<h2 id="lien-quan">Bài viết này về</h2>
<ul>${items.map((r) => {
    // Records inside the staff app need a login: the public sees their title, not a link to a sign-in page.
    const href = r.url?.startsWith('/app/') ? null : safeHref(r.url);
    return html`<li>${r.label}: ${href ? html`<a href="${href}">${r.title}</a>` : r.title}</li>`;
  })}</ul>
</section>`;
}

export async function articlePage(shell: Shell, a: PublicArticle, others: ArticleCard[], options: ArticlePageOptions = {}): Promise<string> {
  const path = articlePath(a.slug);
  const url = absolute(shell.base, path);
  const qr = await qrSvg(url, `Mã QR mở bài viết: ${url}`);
  const sourceHref = safeHref(a.sourceUrl);
  const main = html`${options.preview ? html`<p class="no-print" role="note"><strong>Bản xem trước</strong> — trạng thái: ${STATUS_VI[a.status] ?? a.status}; bài ${a.isPublic ? 'đang hiển thị công khai' : 'chưa hiển thị công khai'}.</p>` : ''}
${options.print ? html`<p class="no-print"><a href="${path}">« Quay lại bài viết</a> · Dùng lệnh In của trình duyệt (Ctrl+P) để in bài này trên khổ A4.</p>` : ''}
<p class="print-only">${SITE_NAME} — ${url}</p>
<article class="article" aria-labelledby="tieu-de">
<p class="meta"><time datetime="${a.publishAt}">${newsDateLine(a.publishAt)}</time> · <a href="${categoryPath(a.categorySlug)}">${a.categoryName}</a>${sourceHref ? html`<span class="no-print"> · <a href="${sourceHref}" rel="noopener noreferrer external">Gốc</a></span>` : ''}${options.print ? '' : html`<span class="print-link"> · <a href="${articlePrintPath(a.slug)}">In bài viết</a></span>`}</p>
<h1 id="tieu-de">${a.title}</h1>
${a.summary ? html`<p class="lead">${a.summary}</p>` : ''}
${a.coverUrl ? html`<figure class="cover">
<img src="${a.coverUrl}" alt="${a.coverAlt}">
${a.coverCaption ? html`<figcaption>${a.coverCaption}</figcaption>` : ''}
</figure>` : ''}
<div class="body">
${trusted(a.bodyHtml)}
</div>
${a.author ? html`<p class="byline"><span class="visually-hidden">Tác giả: </span>${a.author}</p>` : ''}
${a.source ? html`<p class="source">Nguồn: ${sourceHref ? html`<a href="${sourceHref}" rel="noopener noreferrer external">${a.source}</a>` : a.source}</p>` : ''}
${related(a.related)}
<section class="tools" aria-label="Tiện ích">
<figure class="qr">${qr}<figcaption>Quét mã QR để mở bài viết</figcaption></figure>
${options.print ? '' : shareLinks(url, a.title)}
</section>
</article>
${options.print || others.length === 0 ? '' : html`<section class="other-news" aria-labelledby="tin-khac">
<h2 id="tin-khac">Tin khác</h2>
${cardList(others, 'h3')}
</section>`}`;
  return page({
    ...shell,
    title: a.title,
    description: a.lead,
    canonicalPath: path,
    currentCategory: a.categorySlug,
    og: { type: 'article', image: a.coverUrl, publishedTime: a.publishAt, modifiedTime: a.updatedAt, section: a.categoryName },
    noindex: options.preview,
    bare: options.print,
    main,
  });
}
