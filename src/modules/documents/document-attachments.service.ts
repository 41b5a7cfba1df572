/**
 * The files of a registry entry: the signed PDF, the DOCX, annexes. The type is decided by the
 * bytes (files module); only PDF and DOCX are taken. Detaching removes the attachment record;
 * the stored file stays, as the audit trail refers to it.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { AppError, NotFoundError } from '../../core/errors';
import type { Database } from '../../db/schema';
import * as audit from '../audit/audit.service';
import type { FileStore } from '../files/file-store';
import * as files from '../files/files.service';
import { authorizeManage, authorizeRead, loadDocument, requireSignedIn } from './documents.guard';
import * as repo from './documents.repository';
import { managingUnit } from './documents.view';

type Db = Kysely<Database>;

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export async function attachFile(
  db: Db, store: FileStore, actor: Actor | null, documentId: number,
  upload: { bytes: Buffer; filename: string; role: 'signed' | 'draft' | 'annex' },
) {
  requireSignedIn(actor);
  const document = await loadDocument(db, documentId);
  await authorizeManage(db, actor, managingUnit(document));
  const stored = await files.storeUpload(db, store, actor, {
    bytes: upload.bytes, originalName: upload.filename, purpose: 'document_attachment', unitId: document.issuer_unit_id,
    allowed: ['pdf', 'docx'], maxBytes: MAX_ATTACHMENT_BYTES, field: 'file',
  });
  const now = new Date().toISOString();
  await repo.insertAttachment(db, documentId, stored.id, upload.role, now);
  await audit.record(db, actor, {
    entity: 'document_attachment', entityId: `${documentId}/${stored.id}`, action: 'attach', unitId: document.issuer_unit_id,
    after: { documentId, fileId: stored.id, name: stored.originalName, role: upload.role, sha256: stored.sha256 },
  });
  return { fileId: stored.id, name: stored.originalName, mimeType: stored.mimeType, sizeBytes: stored.sizeBytes, role: upload.role, attachedAt: now };
}

export async function readAttachment(db: Db, store: FileStore, actor: Actor | null, documentId: number, fileId: number) {
  requireSignedIn(actor);
  await authorizeRead(db, actor);
  await loadDocument(db, documentId);
  if (!(await repo.findAttachment(db, documentId, fileId))) throw new NotFoundError('document_attachment', fileId);
  try {
    const { row, bytes } = await files.readStored(db, store, fileId);
    return { bytes, name: row.original_name, mimeType: row.mime_type };
  } catch (error) {
    // The row is there but the bytes are not (a restore without the files folder …): say so, not 500.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError(410, 'file_missing', { vi: 'Tệp không còn trên máy chủ; hãy tải lên lại', en: 'The file is no longer on the server; upload it again' }, { fileId });
    }
    throw error;
  }
}

export async function detachFile(db: Db, actor: Actor | null, documentId: number, fileId: number): Promise<void> {
  requireSignedIn(actor);
  const document = await loadDocument(db, documentId);
  await authorizeManage(db, actor, managingUnit(document));
  const attachment = await repo.findAttachment(db, documentId, fileId);
  if (!attachment) throw new NotFoundError('document_attachment', fileId);
  await repo.deleteAttachment(db, documentId, fileId);
  await audit.record(db, actor, {
    entity: 'document_attachment', entityId: `${documentId}/${fileId}`, action: 'detach', unitId: document.issuer_unit_id,
    before: { documentId, fileId, role: attachment.role },
  });
}
