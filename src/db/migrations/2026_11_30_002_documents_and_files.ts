import type { Kysely } from 'kysely';
import { dateType, instantType, notNull, withId } from './_columns';

export async function up(db: Kysely<any>): Promise<void> {
  const date = dateType(db);
  const instant = instantType(db);

  await withId(db, db.schema.createTable('files'))
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('original_name', 'text', notNull)
    .addColumn('mime_type', 'text', notNull)
    .addColumn('size_bytes', 'integer', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('purpose', 'text', notNull)
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('created_at', instant, notNull)
    .execute();

  await withId(db, db.schema.createTable('documents'))
    .addColumn('kind', 'text', notNull)
    .addColumn('numbering', 'text')
    .addColumn('number', 'text')
    .addColumn('number_year', 'integer')
    .addColumn('kind_code', 'text')
    .addColumn('issuer_code', 'text')
    .addColumn('number_text', 'text', (c) => c.unique())
    .addColumn('issuer_name', 'text')
    .addColumn('issuer_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('issued_on', date)
    .addColumn('title', 'text', notNull)
    .addColumn('summary', 'text')
    .addColumn('search_text', 'text', notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();
  await db.schema.createIndex('documents_issuer_unit').on('documents').column('issuer_unit_id').execute();

  await withId(db, db.schema.createTable('document_links'))
    .addColumn('from_document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('to_document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('created_at', instant, notNull)
    .addUniqueConstraint('document_links_unique', ['from_document_id', 'to_document_id', 'kind'])
    .execute();
  await db.schema.createIndex('document_links_to').on('document_links').column('to_document_id').execute();

  await db.schema.createTable('document_files')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('role', 'text', notNull)
    .addPrimaryKeyConstraint('document_files_pk', ['document_id', 'file_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['document_files', 'document_links', 'documents', 'files']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
