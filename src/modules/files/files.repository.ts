import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FilesTable } from '../../db/tables/files';

type Db = Kysely<Database>;

export async function insertFile(db: Db, row: Insertable<FilesTable>): Promise<number> {
  const inserted = await db.insertInto('files').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findFile(db: Db, id: number) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}
