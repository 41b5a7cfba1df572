import type { Kysely } from 'kysely';
import { dateType, instantType, notNull, withId } from './_columns';

export async function up(db: Kysely<any>): Promise<void> {
  const date = dateType(db);
  const instant = instantType(db);

  await withId(db, db.schema.createTable('plans'))
    .addColumn('issuer_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('issuing_body', 'text', notNull)
    .addColumn('year', 'integer', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('parent_plan_id', 'integer', (c) => c.references('plans.id'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('issued_on', date)
    .addColumn('closed_on', date)
    .addColumn('ref_date', date, notNull)
    .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amendment_open', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', notNull)
    .addColumn('title_search', 'text', notNull)
    .addColumn('purposes_json', 'text', notNull)
    .addColumn('requirements_json', 'text', notNull)
    .addColumn('implementation_json', 'text', notNull)
    .addColumn('recipients_json', 'text', notNull)
    .addColumn('concretize_due_on', date)
    .addColumn('place', 'text', notNull)
    .addColumn('signer_capacity', 'text')
    .addColumn('signer_title', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();
  await db.schema.createIndex('plans_issuer_year').on('plans').columns(['issuer_unit_id', 'year']).execute();
  // One child plan per unit per parent plan; root plans (parent null) are not constrained.
  await db.schema.createIndex('plans_parent_unit').on('plans').columns(['parent_plan_id', 'issuer_unit_id']).unique().execute();

  await db.schema.createTable('plan_documents')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('position', 'integer', notNull)
    .addPrimaryKeyConstraint('plan_documents_pk', ['plan_id', 'document_id'])
    .execute();

  // Units the issued version assigns work to (required units, lead and coordinating units),
  // rebuilt at each issue: they may read the plan wherever they sit in the tree.
  await db.schema.createTable('plan_assigned_units')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('plan_assigned_units_pk', ['plan_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('plan_assigned_units_unit').on('plan_assigned_units').column('unit_id').execute();

  await db.schema.createTable('plan_required_units')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addPrimaryKeyConstraint('plan_required_units_pk', ['plan_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('plan_required_units_unit').on('plan_required_units').column('unit_id').execute();

  await withId(db, db.schema.createTable('plan_tasks'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('plan_tasks.id'))
    .addColumn('position', 'integer', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('description', 'text')
    .addColumn('lead_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('start_on', date)
    .addColumn('due_on', date)
    .addColumn('milestone_on', date)
    .addColumn('expected_outputs', 'text')
    .addColumn('parent_plan_task_id', 'integer', (c) => c.references('plan_tasks.id'))
    .addColumn('introduced_version', 'integer', notNull)
    .addColumn('removed_at', instant)
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();
  await db.schema.createIndex('plan_tasks_plan').on('plan_tasks').columns(['plan_id', 'parent_id', 'position']).execute();
  await db.schema.createIndex('plan_tasks_parent_plan_task').on('plan_tasks').column('parent_plan_task_id').execute();
  await db.schema.createIndex('plan_tasks_lead').on('plan_tasks').column('lead_unit_id').execute();

  await db.schema.createTable('plan_task_units')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_tasks.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('position', 'integer', notNull)
    .addPrimaryKeyConstraint('plan_task_units_pk', ['task_id', 'unit_id'])
    .execute();

  // Indicators live in the reporting module; this table only links them to tasks (no foreign
  // key here because that table is created by a later migration).
  await db.schema.createTable('plan_task_indicators')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_tasks.id'))
    .addColumn('indicator_id', 'integer', notNull)
    .addColumn('created_at', instant, notNull)
    .addPrimaryKeyConstraint('plan_task_indicators_pk', ['task_id', 'indicator_id'])
    .execute();
  await db.schema.createIndex('plan_task_indicators_indicator').on('plan_task_indicators').column('indicator_id').execute();

  await withId(db, db.schema.createTable('plan_versions'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('version', 'integer', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('reason', 'text')
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('issued_on', date, notNull)
    .addColumn('snapshot_json', 'text', notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, notNull)
    .addUniqueConstraint('plan_versions_unique', ['plan_id', 'version'])
    .execute();

  await withId(db, db.schema.createTable('plan_task_progress'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('plan_tasks.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('percent', 'integer', notNull)
    .addColumn('narrative', 'text', notNull)
    .addColumn('reported_on', date, notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', instant, notNull)
    .execute();
  await db.schema.createIndex('plan_task_progress_task').on('plan_task_progress').columns(['task_id', 'reported_on']).execute();

  await db.schema.createTable('plan_progress_files')
    .addColumn('progress_id', 'integer', (c) => c.notNull().references('plan_task_progress.id'))
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addPrimaryKeyConstraint('plan_progress_files_pk', ['progress_id', 'file_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'plan_progress_files', 'plan_task_progress', 'plan_versions', 'plan_task_indicators', 'plan_task_units',
    'plan_tasks', 'plan_required_units', 'plan_assigned_units', 'plan_documents', 'plans',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
