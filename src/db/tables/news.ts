import type { Generated } from 'kysely';

/** A section of the public portal ("Tin hoạt động", "Gương sáng" …), managed at a unit. */
export interface NewsCategoriesTable {
  id: Generated<number>;
  unit_id: number;
  slug: string;
  name: string;
  description: string | null;
  sort_order: number;
  is_active: number;
  created_at: string;
  updated_at: string;
}

/**
 * A news article. Public only when status = 'published' and publish_at has passed.
 * body_html is stored already sanitized (and sanitized again when rendered).
 */
export interface NewsArticlesTable {
  id: Generated<number>;
  /** The unit whose editors and leaders own the article. */
  unit_id: number;
  category_id: number;
  /** ASCII, unique; frozen once the article has been published (links must not break). */
  slug: string;
  title: string;
  summary: string;
  body_html: string;
  cover_file_id: number | null;
  cover_caption: string | null;
  cover_alt: string | null;
  author: string | null;
  /** Where the article was first published, e.g. a newspaper or the unit's own site. */
  source: string | null;
  /** Address of the original ("Gốc"), http(s) only. */
  source_url: string | null;
  /** draft | in_review | published | unpublished */
  status: string;
  /** When the article goes (or went) public; a future time schedules it. */
  publish_at: string | null;
  first_published_at: string | null;
  /** Folded title, summary and body text for search without diacritics. */
  search_text: string;
  /** Incremented by every change; the editor sends it back to detect concurrent edits. */
  version: number;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
}

/** Every version of an article as it was after each change (content edits and status changes). */
export interface NewsArticleVersionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  /** create | update | submit | return | publish | unpublish | reopen */
  action: string;
  status: string;
  note: string | null;
  snapshot_json: string;
  actor_user_id: number | null;
  /** Who made the change, as shown then (display name, or system:name). */
  actor_name: string | null;
  created_at: string;
}

/** What the article reports on: a plan, task, event or exemplar of another module (kind + id). */
export interface NewsArticleLinksTable {
  article_id: number;
  kind: string;
  target_id: number;
  sort_order: number;
}

/** Images uploaded for an article; role says whether it is used now (cover, body) or not (unused). */
export interface NewsArticleFilesTable {
  article_id: number;
  file_id: number;
  role: string;
}
