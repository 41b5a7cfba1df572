/**
 * Server-rendered HTML with escaping by default: every interpolated value is escaped unless it is
 * already `Html` (a fragment built by this template, or the sanitized article body via `trusted`).
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** XML text and attribute values (RSS, sitemap). */
export const escapeXml = escapeHtml;

function render(value: unknown): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i += 1) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/**
 * Mark markup as safe to emit unescaped. Only for HTML that has just been through the sanitizer
 * or was produced by a library from our own data (the QR code's SVG).
 */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Links we print must be our own paths or web addresses, never `javascript:` or `data:`. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return /^https?:\/\//i.test(url) ? url : null;
}
