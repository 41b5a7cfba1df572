import type { Kysely } from 'kysely';
import { dateType, instantType, notNull, withId } from './_columns';

/**
 * Report forms (versioned), schedules, reports with immutable submitted versions, the accepted
 * figures, precomputed rollups per ancestor, highlights, notifications and persisted reminder jobs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const date = dateType(db);
  const instant = instantType(db);
  const real = 'double precision';

  await withId(db, db.schema.createTable('report_forms'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('description', 'text')
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('current_version', 'integer', notNull)
    .addColumn('name_search', 'text', notNull)
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();

  await withId(db, db.schema.createTable('report_form_versions'))
    .addColumn('form_id', 'integer', (c) => c.notNull().references('report_forms.id'))
    .addColumn('version', 'integer', notNull)
    .addColumn('definition_json', 'text', notNull)
    .addColumn('note', 'text')
    .addColumn('created_at', instant, notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('report_form_versions_unique', ['form_id', 'version'])
    .execute();

  await withId(db, db.schema.createTable('report_schedules'))
    .addColumn('form_id', 'integer', (c) => c.notNull().references('report_forms.id'))
    .addColumn('plan_id', 'integer')
    .addColumn('name', 'text', notNull)
    .addColumn('hierarchy', 'text', (c) => c.notNull().references('org_hierarchies.code'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('recipient_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('period_type', 'text', notNull)
    .addColumn('cutoff', 'text', notNull)
    .addColumn('due_offset_days', 'integer', notNull)
    .addColumn('first_period', 'text', notNull)
    .addColumn('last_period', 'text')
    .addColumn('scope_json', 'text', notNull)
    .addColumn('reminder_days_json', 'text', notNull)
    .addColumn('active', 'integer', notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();
  await db.schema.createIndex('report_schedules_unit').on('report_schedules').column('unit_id').execute();
  await db.schema.createIndex('report_schedules_plan').on('report_schedules').column('plan_id').execute();

  await withId(db, db.schema.createTable('reports'))
    .addColumn('schedule_id', 'integer', (c) => c.notNull().references('report_schedules.id'))
    .addColumn('period_key', 'text', notNull)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('form_version_id', 'integer', (c) => c.notNull().references('report_form_versions.id'))
    .addColumn('reviewer_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('status', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addColumn('values_json', 'text', notNull)
    .addColumn('narrative_json', 'text', notNull)
    .addColumn('due_date', date, notNull)
    .addColumn('first_submitted_at', instant)
    .addColumn('submitted_at', instant)
    .addColumn('decided_at', instant)
    .addColumn('last_comment', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .addUniqueConstraint('reports_unique', ['schedule_id', 'period_key', 'unit_id'])
    .execute();
  await db.schema.createIndex('reports_period_status').on('reports').columns(['schedule_id', 'period_key', 'status']).execute();
  await db.schema.createIndex('reports_reviewer').on('reports').columns(['reviewer_unit_id', 'status']).execute();
  await db.schema.createIndex('reports_unit').on('reports').columns(['unit_id', 'schedule_id']).execute();

  await withId(db, db.schema.createTable('report_versions'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('seq', 'integer', notNull)
    .addColumn('form_version_id', 'integer', (c) => c.notNull().references('report_form_versions.id'))
    .addColumn('values_json', 'text', notNull)
    .addColumn('sources_json', 'text', notNull)
    .addColumn('narrative_json', 'text', notNull)
    .addColumn('aggregate_json', 'text', notNull)
    .addColumn('warnings_json', 'text', notNull)
    .addColumn('submitted_at', instant, notNull)
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('submitted_by_name', 'text')
    .addUniqueConstraint('report_versions_unique', ['report_id', 'seq'])
    .execute();

  await withId(db, db.schema.createTable('report_events'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('action', 'text', notNull)
    .addColumn('version_seq', 'integer')
    .addColumn('comment', 'text')
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor_name', 'text')
    .addColumn('at', instant, notNull)
    .execute();
  await db.schema.createIndex('report_events_report').on('report_events').columns(['report_id', 'id']).execute();

  // The accepted figures, one row per report and indicator: the source of every rollup.
  await db.schema.createTable('report_values')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('indicator', 'text', notNull)
    .addColumn('schedule_id', 'integer', notNull)
    .addColumn('period_key', 'text', notNull)
    .addColumn('unit_id', 'integer', notNull)
    .addColumn('tree_date', date, notNull)
    .addColumn('value', real, notNull)
    .addColumn('weight', real)
    .addPrimaryKeyConstraint('report_values_pk', ['report_id', 'indicator'])
    .execute();
  await db.schema.createIndex('report_values_period').on('report_values').columns(['schedule_id', 'period_key', 'indicator']).execute();
  await db.schema.createIndex('report_values_unit').on('report_values').columns(['unit_id', 'schedule_id']).execute();

  // Rollups "as structured then": every accepted report's figures added to each ancestor.
  await db.schema.createTable('report_rollups')
    .addColumn('schedule_id', 'integer', notNull)
    .addColumn('period_key', 'text', notNull)
    .addColumn('unit_id', 'integer', notNull)
    .addColumn('indicator', 'text', notNull)
    .addColumn('n', 'integer', notNull)
    .addColumn('total', real, notNull)
    .addColumn('wsum', real, notNull)
    .addColumn('wtotal', real, notNull)
    .addColumn('lowest', real)
    .addColumn('highest', real)
    .addPrimaryKeyConstraint('report_rollups_pk', ['schedule_id', 'period_key', 'unit_id', 'indicator'])
    .execute();

  await withId(db, db.schema.createTable('report_highlights'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('section_code', 'text', notNull)
    .addColumn('paragraph', 'integer', notNull)
    .addColumn('note', 'text')
    .addColumn('marked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('marked_by_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('created_at', instant, notNull)
    .addUniqueConstraint('report_highlights_unique', ['report_id', 'section_code', 'paragraph'])
    .execute();

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('link', 'text')
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', instant, notNull)
    .addColumn('read_at', instant)
    .addColumn('email_to', 'text')
    .addColumn('email_status', 'text', notNull)
    .addColumn('email_attempts', 'integer', notNull)
    .addColumn('email_locked_at', instant)
    .addColumn('email_error', 'text')
    .addColumn('emailed_at', instant)
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('notifications_email').on('notifications').columns(['email_status', 'id']).execute();

  await withId(db, db.schema.createTable('reminder_jobs'))
    .addColumn('kind', 'text', notNull)
    .addColumn('payload_json', 'text', notNull)
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('run_at', instant, notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('attempts', 'integer', notNull)
    .addColumn('locked_at', instant)
    .addColumn('locked_by', 'text')
    .addColumn('done_at', instant)
    .addColumn('outcome', 'text')
    .addColumn('created_at', instant, notNull)
    .execute();
  await db.schema.createIndex('reminder_jobs_due').on('reminder_jobs').columns(['status', 'run_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'reminder_jobs', 'notifications', 'report_highlights', 'report_rollups', 'report_values', 'report_events',
    'report_versions', 'reports', 'report_schedules', 'report_form_versions', 'report_forms',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
