/**
 * Accepting an upload: the type is decided by the bytes (magic numbers), not the file name or
 * the browser's claim; the size is capped; the stored name is made by the server.
 * Who may upload or read a file is decided by the module that owns it (document, news …).
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor';
import { NotFoundError, invalidField } from '../../core/errors';
import type { Database } from '../../db/schema';
import * as audit from '../audit/audit.service';
import type { FileStore } from './file-store';
import * as repo from './files.repository';

type Db = Kysely<Database>;

export const FILE_KINDS = {
  pdf: ['application/pdf'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  jpg: ['image/jpeg'],
  png: ['image/png'],
  webp: ['image/webp'],
  gif: ['image/gif'],
} as const;
export type FileKind = keyof typeof FILE_KINDS;
export const IMAGE_KINDS: FileKind[] = ['jpg', 'png', 'webp', 'gif'];
export const DOCUMENT_KINDS: FileKind[] = ['pdf', 'docx', 'xlsx', 'jpg', 'png'];

export interface Upload {
  bytes: Buffer;
  originalName: string;
  purpose: string;
  unitId: number | null;
  allowed: readonly FileKind[];
  maxBytes: number;
  /** Field name used in error messages. */
  field?: string;
}

export interface StoredFile {
  id: number;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

/** What the bytes are, among the allowed kinds; throws a 400 naming the field otherwise. */
export async function detectKind(bytes: Buffer, allowed: readonly FileKind[], field = 'file'): Promise<{ kind: FileKind; mime: string }> {
  const detected = await fileTypeFromBuffer(bytes);
  const kind = detected && (Object.keys(FILE_KINDS) as FileKind[]).find((k) => (FILE_KINDS[k] as readonly string[]).includes(detected.mime));
  if (!kind || !allowed.includes(kind)) {
    throw invalidField(field,
      `nội dung tệp không phải loại được chấp nhận (${allowed.join(', ')})${detected ? `; tệp là ${detected.ext}` : ''}`,
      `the file's content is not an accepted type (${allowed.join(', ')})${detected ? `; it is ${detected.ext}` : ''}`);
  }
  return { kind, mime: detected!.mime };
}

export async function storeUpload(db: Db, store: FileStore, actor: Actor | null, upload: Upload): Promise<StoredFile> {
  const field = upload.field ?? 'file';
  if (upload.bytes.length === 0) throw invalidField(field, 'tệp rỗng', 'the file is empty');
  if (upload.bytes.length > upload.maxBytes) {
    throw invalidField(field, `tệp lớn hơn giới hạn ${Math.round(upload.maxBytes / 1024)} KB`, `the file exceeds ${Math.round(upload.maxBytes / 1024)} KB`);
  }
  const { kind, mime } = await detectKind(upload.bytes, upload.allowed, field);
  const key = await store.save(upload.bytes, kind);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const originalName = upload.originalName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200) || `file.${kind}`;
  const id = await repo.insertFile(db, {
    storage_key: key, original_name: originalName, mime_type: mime, size_bytes: upload.bytes.length, sha256,
    purpose: upload.purpose, uploaded_by: actor?.kind === 'user' ? actor.userId : null, unit_id: upload.unitId,
    created_at: new Date().toISOString(),
  });
  const stored = { id, originalName, mimeType: mime, sizeBytes: upload.bytes.length, sha256 };
  await audit.record(db, actor, { entity: 'file', entityId: id, action: 'upload', unitId: upload.unitId, after: { ...stored, purpose: upload.purpose } });
  return stored;
}

/** The row and bytes of a stored file; the caller has already checked the reader may see it. */
export async function readStored(db: Db, store: FileStore, fileId: number) {
  const row = await repo.findFile(db, fileId);
  if (!row) throw new NotFoundError('file', fileId);
  return { row, bytes: await store.read(row.storage_key) };
}

/** A stored file's row without its bytes, or null (for checks by the module that owns the file). */
export async function describeStored(db: Db, fileId: number) {
  return (await repo.findFile(db, fileId)) ?? null;
}
