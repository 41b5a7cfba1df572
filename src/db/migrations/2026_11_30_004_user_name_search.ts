import type { Kysely } from 'kysely';

/** Folded "username display name" so people are found without diacritics ("nguyen" → "Nguyễn"). */
function foldFrozen(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('name_search', 'text', (c) => c.notNull().defaultTo('')).execute();
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name']).execute();
  for (const u of users) {
    await db.updateTable('users').set({ name_search: foldFrozen(`${u.username} ${u.display_name}`) }).where('id', '=', u.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('name_search').execute();
}
