import type { Kysely } from 'kysely';
import { instantType, notNull, withId } from './_columns';

/**
 * Stable numeric ids for report indicators (a form and an indicator code), so other records —
 * a plan's tasks measured by indicators — can point at an indicator across form versions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('report_indicator_refs'))
    .addColumn('form_id', 'integer', (c) => c.notNull().references('report_forms.id'))
    .addColumn('code', 'text', notNull)
    .addColumn('created_at', instantType(db), notNull)
    .addUniqueConstraint('report_indicator_refs_unique', ['form_id', 'code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_indicator_refs').ifExists().execute();
}
