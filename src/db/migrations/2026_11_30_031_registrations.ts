import type { Kysely } from 'kysely';
import { dateType, instantType, notNull, withId } from './_columns';

export async function up(db: Kysely<any>): Promise<void> {
  const date = dateType(db);
  const instant = instantType(db);

  await withId(db, db.schema.createTable('registrations'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('body_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id'))
    .addColumn('status', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('title_search', 'text', notNull)
    .addColumn('description', 'text')
    .addColumn('target', 'text', notNull)
    .addColumn('deadline', date, notNull)
    .addColumn('responsible_person', 'text', notNull)
    .addColumn('latest_percent', 'integer')
    .addColumn('ref_date', date, notNull)
    .addColumn('submitted_at', instant)
    .addColumn('approved_at', instant)
    .addColumn('resolved_on', date)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();
  await db.schema.createIndex('registrations_unit').on('registrations').columns(['unit_id', 'status']).execute();
  await db.schema.createIndex('registrations_body').on('registrations').columns(['body_unit_id', 'status']).execute();
  await db.schema.createIndex('registrations_plan').on('registrations').column('plan_id').execute();

  await withId(db, db.schema.createTable('registration_entries'))
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('registrations.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('text', 'text')
    .addColumn('percent', 'integer')
    .addColumn('reported_on', date)
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('at', instant, notNull)
    .execute();
  await db.schema.createIndex('registration_entries_registration').on('registration_entries').columns(['registration_id', 'id']).execute();

  await db.schema.createTable('registration_entry_files')
    .addColumn('entry_id', 'integer', (c) => c.notNull().references('registration_entries.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addPrimaryKeyConstraint('registration_entry_files_pk', ['entry_id', 'file_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['registration_entry_files', 'registration_entries', 'registrations']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
