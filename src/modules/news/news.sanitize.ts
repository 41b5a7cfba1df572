/**
 * The only HTML of the portal that is not escaped is an article's body, so it passes through
 * sanitize-html with a news allowlist when it is saved and again when it is rendered: headings,
 * paragraphs, lists, links, images from our own storage, figures, tables, quotes. No script, no
 * style, no event handlers, no `javascript:` (or any other non-web) links.
 */
import sanitizeHtml from 'sanitize-html';
import { fold } from '../../core/text';
import { OWN_IMAGE_SRC } from './news.paths';

const DIMENSION = /^\d{1,4}$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2', 'h3', 'h4', 'p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark',
    'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'figure', 'figcaption', 'pre', 'code',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'xmp', 'iframe', 'object', 'template', 'title', 'head'],
  nestingLimit: 40,
  transformTags: {
    // The page's title is its only h1; deeper levels than h4 read as h4.
    h1: 'h2', h5: 'h4', h6: 'h4',
    img: (tagName, attribs) => {
      const out: Record<string, string> = { src: attribs.src ?? '', alt: attribs.alt ?? '', loading: 'lazy' };
      if (attribs.width && DIMENSION.test(attribs.width)) out.width = attribs.width;
      if (attribs.height && DIMENSION.test(attribs.height)) out.height = attribs.height;
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => {
    // Images come from our own storage only (no hotlinking, no tracking pixels, no data: URLs).
    if (frame.tag === 'img') return !OWN_IMAGE_SRC.test(frame.attribs.src ?? '');
    // A link whose address was removed as unsafe keeps its words but stops being a link.
    if (frame.tag === 'a' && !frame.attribs.href) return 'excludeTag';
    return false;
  },
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** The words of an HTML fragment, for search and for excerpts. */
export function plainText(html: string): string {
  const stripped = sanitizeHtml(html.replace(/</g, ' <'), { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags });
  return stripped
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim();
}

/** A short plain-text lead of at most `max` characters, cut at a word boundary. */
export function excerpt(text: string, max = 200): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** Folded words only (a-z, 0-9), so search ignores diacritics, đ→d, case and punctuation. */
export function searchWords(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Ids of our own images that a (sanitized) body shows. */
export function bodyImageIds(html: string): number[] {
  const ids = new Set<number>();
  for (const match of html.matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)) {
    const own = OWN_IMAGE_SRC.exec(match[1]);
    if (own) ids.add(Number(own[1]));
  }
  return [...ids];
}
