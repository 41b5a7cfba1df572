/**
 * What an article reports on — a plan, a task, an event, an exemplar — is stored as kind + id.
 * The modules that own those records register a resolver here giving the record's title and
 * address; news never reads their tables. A link is validated on save when its kind has a
 * resolver; a kind whose module is not installed yet is kept as is and shown once it resolves.
 *
 * Register at startup, from the owning module (e.g. in its routes file):
 *   registerNewsLinkResolver('plan', async (db, id) => { … return { title, url } or null });
 */
import type { Kysely } from 'kysely';
import type { Localized } from '../../core/errors';
import type { Database } from '../../db/schema';

export const NEWS_LINK_KINDS = ['plan', 'task', 'event', 'exemplar'] as const;
export type NewsLinkKind = (typeof NEWS_LINK_KINDS)[number];

export const NEWS_LINK_LABELS: Record<NewsLinkKind, Localized> = {
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  task: { vi: 'Nhiệm vụ', en: 'Task' },
  event: { vi: 'Sự kiện', en: 'Event' },
  exemplar: { vi: 'Điển hình', en: 'Exemplar' },
};

export interface NewsLinkTarget {
  title: string;
  /** Where a reader can see the record (absolute path or URL); null when it has no page. */
  url: string | null;
}

/** The record's title and address, or null when no such record exists. */
export type NewsLinkResolver = (db: Kysely<Database>, id: number) => Promise<NewsLinkTarget | null>;

const resolvers = new Map<NewsLinkKind, NewsLinkResolver>();

/** Returns a function that removes the resolver again (tests, hot reload). */
export function registerNewsLinkResolver(kind: NewsLinkKind, resolver: NewsLinkResolver): () => void {
  resolvers.set(kind, resolver);
  return () => {
    if (resolvers.get(kind) === resolver) resolvers.delete(kind);
  };
}

export function hasNewsLinkResolver(kind: NewsLinkKind): boolean {
  return resolvers.has(kind);
}

export function resolvableKinds(): NewsLinkKind[] {
  return NEWS_LINK_KINDS.filter((k) => resolvers.has(k));
}

/** undefined: no resolver for the kind; null: the resolver knows no such record. */
export async function resolveNewsLink(db: Kysely<Database>, kind: NewsLinkKind, id: number): Promise<NewsLinkTarget | null | undefined> {
  const resolver = resolvers.get(kind);
  if (!resolver) return undefined;
  return resolver(db, id);
}
