import type { Generated } from 'kysely';

/** Dates are 'YYYY-MM-DD'; a row is in force on D when valid_from <= D < valid_to (null = open). */
export interface OrgHierarchiesTable {
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: number;
}

export interface OrgKindsTable {
  code: string;
  name_vi: string;
  name_en: string;
  /** 1 for kinds an administrator added; built-in kinds ship with the migration. */
  is_custom: number;
  sort_order: number;
}

/** A unit's identity: it survives renames and moves; merges and splits create new identities. */
export interface OrgUnitsTable {
  id: Generated<number>;
  code: string;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
}

/** What a unit was called and what kind it was, over time. */
export interface OrgUnitVersionsTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  short_name: string | null;
  kind: string;
  name_search: string;
  valid_from: string;
  valid_to: string | null;
}

/** Parent link per hierarchy; a root has a link with parent_id null. */
export interface OrgLinksTable {
  id: Generated<number>;
  hierarchy: string;
  unit_id: number;
  parent_id: number | null;
  valid_from: string;
  valid_to: string | null;
}

/** Effective-dated transitive closure of org_links (depth 0 = the unit itself). */
export interface OrgClosureTable {
  hierarchy: string;
  ancestor_id: number;
  descendant_id: number;
  depth: number;
  valid_from: string;
  valid_to: string | null;
}

/** One restructuring decision: rename, move, merge, split, dissolve, create. */
export interface OrgEventsTable {
  id: Generated<number>;
  kind: string;
  effective_date: string;
  note: string | null;
  actor_user_id: number | null;
  created_at: string;
}

/** from → to edges of restructuring; to_unit_id null when a unit was dissolved without successor. */
export interface OrgLineageTable {
  id: Generated<number>;
  event_id: number;
  from_unit_id: number;
  to_unit_id: number | null;
  kind: string;
  effective_date: string;
}
