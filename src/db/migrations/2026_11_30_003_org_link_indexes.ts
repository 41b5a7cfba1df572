import type { Kysely } from 'kysely';

/**
 * Restructuring looks links up by unit or parent across all hierarchies (a unit's active links,
 * the latest change touching a set of units); the first indexes lead with the hierarchy, so
 * PostgreSQL scanned every link for those. Measured in BENCHMARKS.md (move of a commune).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('org_links_by_unit').on('org_links').columns(['unit_id', 'valid_from']).execute();
  await db.schema.createIndex('org_links_by_parent').on('org_links').columns(['parent_id', 'valid_from']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('org_links_by_parent').execute();
  await db.schema.dropIndex('org_links_by_unit').execute();
}
