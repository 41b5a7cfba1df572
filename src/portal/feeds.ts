/** RSS 2.0 of the latest published articles, the sitemap, and robots.txt. */
import type { ArticleCard } from '../modules/news/news-public.service';
import { articlePath, categoryPath } from '../modules/news/news.paths';
import { escapeXml } from './html';
import { absolute, SITE_NAME, SITE_TAGLINE } from './site';

export function rss(base: string, items: ArticleCard[], lastChange: string | null): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(SITE_NAME)}</title>`,
    `<link>${escapeXml(absolute(base, '/'))}</link>`,
    `<description>${escapeXml(SITE_TAGLINE)}</description>`,
    '<language>vi</language>',
    `<atom:link href="${escapeXml(absolute(base, '/rss.xml'))}" rel="self" type="application/rss+xml"/>`,
    ...(lastChange ? [`<lastBuildDate>${new Date(lastChange).toUTCString()}</lastBuildDate>`] : []),
  ];
  for (const item of items) {
    const url = absolute(base, articlePath(item.slug));
    lines.push(
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(url)}</link>`,
      `<guid isPermaLink="true">${escapeXml(url)}</guid>`,
      `<pubDate>${new Date(item.publishAt).toUTCString()}</pubDate>`,
      `<description>${escapeXml(item.lead)}</description>`,
      `<category>${escapeXml(item.categoryName)}</category>`,
      ...(item.author ? [`<dc:creator>${escapeXml(item.author)}</dc:creator>`] : []),
      '</item>',
    );
  }
  lines.push('</channel>', '</rss>', '');
  return lines.join('\n');
}

export function sitemap(base: string, categories: Array<{ slug: string }>, articles: Array<{ slug: string; updatedAt: string }>): string {
  const url = (path: string, lastmod?: string) =>
    `<url><loc>${escapeXml(absolute(base, path))}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url('/'),
    ...categories.map((c) => url(categoryPath(c.slug))),
    ...articles.map((a) => url(articlePath(a.slug), a.updatedAt)),
    '</urlset>',
    '',
  ].join('\n');
}

export function robots(base: string): string {
  return `User-agent: *\nDisallow: /api/\nDisallow: /app/\nSitemap: ${absolute(base, '/sitemap.xml')}\n`;
}
