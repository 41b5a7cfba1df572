import type { Kysely } from 'kysely';
import { dateType, instantType, notNull, withId } from './_columns';

export async function up(db: Kysely<any>): Promise<void> {
  const date = dateType(db);
  const instant = instantType(db);

  await withId(db, db.schema.createTable('milestone_events'))
    .addColumn('organizer_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('title_search', 'text', notNull)
    .addColumn('held_on', date, notNull)
    .addColumn('venue', 'text')
    .addColumn('participants', 'text')
    .addColumn('participant_count', 'integer')
    .addColumn('outcome', 'text')
    .addColumn('plan_id', 'integer', (c) => c.references('plans.id'))
    .addColumn('task_id', 'integer', (c) => c.references('plan_tasks.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();
  await db.schema.createIndex('milestone_events_organizer').on('milestone_events').columns(['organizer_unit_id', 'held_on']).execute();
  await db.schema.createIndex('milestone_events_plan').on('milestone_events').column('plan_id').execute();

  await db.schema.createTable('milestone_event_documents')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('milestone_events.id'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addPrimaryKeyConstraint('milestone_event_documents_pk', ['event_id', 'document_id'])
    .execute();

  await db.schema.createTable('milestone_event_files')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('milestone_events.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addPrimaryKeyConstraint('milestone_event_files_pk', ['event_id', 'file_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['milestone_event_files', 'milestone_event_documents', 'milestone_events']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
