import type { Kysely } from 'kysely';
import { instantType, notNull, withId } from './_columns';

export async function up(db: Kysely<any>): Promise<void> {
  const instant = instantType(db);

  await withId(db, db.schema.createTable('news_categories'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('description', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();

  await withId(db, db.schema.createTable('news_articles'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('news_categories.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', notNull)
    .addColumn('summary', 'text', notNull)
    .addColumn('body_html', 'text', notNull)
    .addColumn('cover_file_id', 'integer', (c) => c.references('files.id'))
    .addColumn('cover_caption', 'text')
    .addColumn('cover_alt', 'text')
    .addColumn('author', 'text')
    .addColumn('source', 'text')
    .addColumn('source_url', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('publish_at', instant)
    .addColumn('first_published_at', instant)
    .addColumn('search_text', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', instant, notNull)
    .execute();
  await db.schema.createIndex('news_articles_public').on('news_articles').columns(['status', 'publish_at']).execute();
  await db.schema.createIndex('news_articles_category').on('news_articles').columns(['category_id', 'status', 'publish_at']).execute();
  await db.schema.createIndex('news_articles_unit').on('news_articles').columns(['unit_id', 'status']).execute();

  await withId(db, db.schema.createTable('news_article_versions'))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('news_articles.id'))
    .addColumn('version', 'integer', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('note', 'text')
    .addColumn('snapshot_json', 'text', notNull)
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('created_at', instant, notNull)
    .addUniqueConstraint('news_article_versions_unique', ['article_id', 'version'])
    .execute();

  await db.schema.createTable('news_article_links')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('news_articles.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('target_id', 'integer', notNull)
    .addColumn('sort_order', 'integer', notNull)
    .addPrimaryKeyConstraint('news_article_links_pk', ['article_id', 'kind', 'target_id'])
    .execute();
  await db.schema.createIndex('news_article_links_target').on('news_article_links').columns(['kind', 'target_id']).execute();

  await db.schema.createTable('news_article_files')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('news_articles.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('role', 'text', notNull)
    .addPrimaryKeyConstraint('news_article_files_pk', ['article_id', 'file_id'])
    .execute();
  await db.schema.createIndex('news_article_files_file').on('news_article_files').column('file_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['news_article_files', 'news_article_links', 'news_article_versions', 'news_articles', 'news_categories']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
