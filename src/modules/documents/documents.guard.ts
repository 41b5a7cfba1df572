/** Loading a registry entry and the two permission checks every documents use case starts with. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { NotFoundError, UnauthorizedError, registerEntityName } from '../../core/errors';
import type { Database } from '../../db/schema';
import * as access from '../access/access.service';
import * as repo from './documents.repository';

type Db = Kysely<Database>;

registerEntityName('document', { vi: 'văn bản', en: 'Document' });
registerEntityName('document_link', { vi: 'liên kết văn bản', en: 'Document link' });
registerEntityName('document_attachment', { vi: 'tệp đính kèm', en: 'Attachment' });

/** Before looking anything up: a caller without a session learns nothing, not even what exists (401 first). */
export function requireSignedIn(actor: Actor | null): void {
  if (!actor) throw new UnauthorizedError();
}

/** A document of the registry, or 404. */
export async function loadDocument(db: Db, id: number): Promise<repo.DocumentRow> {
  const row = await repo.findDocument(db, id);
  if (!row) throw new NotFoundError('document', id);
  return row;
}

/** Who may register or edit a document issued by `unitId` (null: issued outside our tree). */
export async function authorizeManage(db: Db, actor: Actor | null, unitId: number | null): Promise<void> {
  await access.authorize(db, actor, { action: 'document.manage', unitId });
}

/** Every signed-in user reads the registry. */
export async function authorizeRead(db: Db, actor: Actor | null): Promise<void> {
  await access.authorize(db, actor, { action: 'document.read', unitId: null });
}
