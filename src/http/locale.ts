import type { FastifyRequest } from 'fastify';

export type Lang = 'vi' | 'en';

/** Vietnamese unless the client asks for English first (`?lang=en`, or Accept-Language). */
export function requestLang(req: FastifyRequest): Lang {
  const query = (req.query as Record<string, unknown> | undefined)?.lang;
  if (query === 'en' || query === 'vi') return query;
  const header = req.headers['accept-language'];
  if (typeof header === 'string') {
    const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
    if (first.startsWith('en')) return 'en';
  }
  return 'vi';
}
