/** Facts about the database itself (e.g. `dataset = demo`), kept in the `meta` table. */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export async function readMeta(db: Kysely<Database>, key: string): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

export async function isDemoDatabase(db: Kysely<Database>): Promise<boolean> {
  return (await readMeta(db, 'dataset')) === 'demo';
}
