import { type Kysely } from 'kysely';
import { dateType, instantType, notNull, withId } from './_columns';

export async function up(db: Kysely<any>): Promise<void> {
  const date = dateType(db);
  const instant = instantType(db);

  await db.schema.createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', notNull)
    .execute();

  await db.schema.createTable('org_hierarchies')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.createTable('org_kinds')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_vi', 'text', notNull)
    .addColumn('name_en', 'text', notNull)
    .addColumn('is_custom', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(db, db.schema.createTable('org_units'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('valid_from', date, notNull)
    .addColumn('valid_to', date)
    .addColumn('created_at', instant, notNull)
    .execute();

  await withId(db, db.schema.createTable('org_unit_versions'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().references('org_kinds.code'))
    .addColumn('name_search', 'text', notNull)
    .addColumn('valid_from', date, notNull)
    .addColumn('valid_to', date)
    .execute();
  await db.schema.createIndex('org_unit_versions_unit').on('org_unit_versions').columns(['unit_id', 'valid_from']).execute();

  await withId(db, db.schema.createTable('org_links'))
    .addColumn('hierarchy', 'text', (c) => c.notNull().references('org_hierarchies.code'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('valid_from', date, notNull)
    .addColumn('valid_to', date)
    .execute();
  await db.schema.createIndex('org_links_unit').on('org_links').columns(['hierarchy', 'unit_id', 'valid_from']).execute();
  await db.schema.createIndex('org_links_parent').on('org_links').columns(['hierarchy', 'parent_id']).execute();

  await db.schema.createTable('org_closure')
    .addColumn('hierarchy', 'text', notNull)
    .addColumn('ancestor_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('descendant_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('depth', 'integer', notNull)
    .addColumn('valid_from', date, notNull)
    .addColumn('valid_to', date)
    .addPrimaryKeyConstraint('org_closure_pk', ['hierarchy', 'descendant_id', 'ancestor_id', 'valid_from'])
    .execute();
  await db.schema.createIndex('org_closure_ancestor').on('org_closure').columns(['hierarchy', 'ancestor_id', 'depth']).execute();

  await withId(db, db.schema.createTable('org_events'))
    .addColumn('kind', 'text', notNull)
    .addColumn('effective_date', date, notNull)
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'integer')
    .addColumn('created_at', instant, notNull)
    .execute();

  await withId(db, db.schema.createTable('org_lineage'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('org_events.id'))
    .addColumn('from_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('to_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('effective_date', date, notNull)
    .execute();
  await db.schema.createIndex('org_lineage_from').on('org_lineage').columns(['from_unit_id']).execute();
  await db.schema.createIndex('org_lineage_to').on('org_lineage').columns(['to_unit_id']).execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', notNull)
    .addColumn('email', 'text')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('password_hash', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', instant)
    .addColumn('password_changed_at', instant)
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('vi'))
    .addColumn('created_at', instant, notNull)
    .addColumn('updated_at', instant, notNull)
    .execute();

  await db.schema.createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', notNull)
    .addColumn('created_at', instant, notNull)
    .addColumn('last_seen_at', instant, notNull)
    .addColumn('expires_at', instant, notNull)
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await withId(db, db.schema.createTable('grants'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', notNull)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('hierarchy', 'text', (c) => c.notNull().references('org_hierarchies.code'))
    .addColumn('created_at', instant, notNull)
    .addColumn('created_by', 'integer')
    .addUniqueConstraint('grants_unique', ['user_id', 'role', 'unit_id', 'hierarchy'])
    .execute();

  await withId(db, db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'text', notNull)
    .addColumn('created_at', instant, notNull)
    .addColumn('last_used_at', instant)
    .addColumn('expires_at', instant)
    .addColumn('revoked_at', instant)
    .execute();

  await db.schema.createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', notNull)
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_name', 'text')
    .addColumn('unit_id', 'integer')
    .addColumn('entity', 'text', notNull)
    .addColumn('entity_id', 'text')
    .addColumn('action', 'text', notNull)
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'text')
    .addColumn('prev_hash', 'text', notNull)
    .addColumn('hash', 'text', notNull)
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_unit').on('audit_log').columns(['unit_id', 'seq']).execute();

  await db.schema.createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', notNull)
    .addColumn('hash', 'text', notNull)
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();

  await db.insertInto('org_hierarchies').values([
    { code: 'party', name_vi: 'Hệ thống tổ chức Đảng', name_en: 'Party organization', sort_order: 1 },
    { code: 'state', name_vi: 'Hệ thống chính quyền', name_en: 'State administration', sort_order: 2 },
  ]).execute();

  const kinds: Array<[string, string, string]> = [
    ['thanh_uy', 'Thành ủy / Tỉnh ủy', 'City/provincial party committee'],
    ['ban_thuong_vu', 'Ban Thường vụ', 'Standing committee'],
    ['ban_tham_muu', 'Ban tham mưu', 'Advisory department'],
    ['ban_can_su', 'Ban cán sự đảng', 'Party affairs committee'],
    ['quan_uy', 'Quận ủy / Thị ủy / Thành ủy trực thuộc', 'Urban district party committee'],
    ['huyen_uy', 'Huyện ủy', 'Rural district party committee'],
    ['dang_uy_truc_thuoc', 'Đảng ủy trực thuộc', 'Affiliated party committee'],
    ['dang_uy_xa_phuong', 'Đảng ủy xã, phường, thị trấn', 'Commune/ward party committee'],
    ['dang_uy_co_so', 'Đảng ủy cơ sở', 'Grassroots party committee'],
    ['chi_bo', 'Chi bộ', 'Party cell'],
    ['co_quan', 'Cơ quan', 'Agency'],
    ['truong_hoc', 'Trường học', 'School'],
    ['doan_the', 'Đoàn thể', 'Mass organization'],
    ['chinh_quyen', 'Chính quyền', 'Government body'],
    ['trung_uong', 'Cơ quan Trung ương', 'Central body'],
  ];
  await db.insertInto('org_kinds')
    .values(kinds.map(([code, name_vi, name_en], i) => ({ code, name_vi, name_en, is_custom: 0, sort_order: i + 1 })))
    .execute();

}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_head', 'audit_log', 'api_tokens', 'grants', 'sessions', 'users', 'org_lineage', 'org_events',
    'org_closure', 'org_links', 'org_unit_versions', 'org_units', 'org_kinds', 'org_hierarchies', 'meta',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
