import type { Kysely } from 'kysely';
import { instantType } from './_columns';

/**
 * The registry needs two more things than the shared schema of 002 gives:
 * - `citation_key`: the identity of a document cited without a number ("tw:4:XII" for the
 *   Central Committee's 4th plenum resolution of term XII, "dh:toan-quoc:XIII" for the XIII
 *   Congress resolution), so extracted citations find it again; unique when present;
 * - `issuer_search`: the issuing body folded (no diacritics, đ→d) for the issuer filter;
 * and attachments remember when they were added.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('citation_key', 'text').execute();
  await db.schema.alterTable('documents').addColumn('issuer_search', 'text').execute();
  await db.schema.createIndex('documents_citation_key').on('documents').column('citation_key').unique().execute();
  await db.schema.createIndex('documents_issued_on').on('documents').column('issued_on').execute();
  await db.schema.createIndex('documents_kind').on('documents').columns(['kind', 'issued_on']).execute();
  await db.schema.alterTable('document_files').addColumn('created_at', instantType(db)).execute();
  await db.schema.createIndex('document_links_from').on('document_links').columns(['from_document_id', 'kind']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('document_links_from').ifExists().execute();
  await db.schema.dropIndex('documents_kind').ifExists().execute();
  await db.schema.dropIndex('documents_issued_on').ifExists().execute();
  await db.schema.dropIndex('documents_citation_key').ifExists().execute();
  await db.schema.alterTable('document_files').dropColumn('created_at').execute();
  await db.schema.alterTable('documents').dropColumn('issuer_search').execute();
  await db.schema.alterTable('documents').dropColumn('citation_key').execute();
}
