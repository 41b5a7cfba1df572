/**
 * Multipart handling for the documents routes: one file under a known field name, a write that
 * takes stored bytes back off the disk when its transaction fails, and downloads under the
 * original name.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { invalidField } from '../../core/errors';
import type { Database } from '../../db/schema';
import type { FileStore } from '../files/file-store';

export interface UploadedFile {
  bytes: Buffer;
  filename: string;
}

/** The single file sent under `field`; any other part is refused by name. */
export async function readSingleFile(req: FastifyRequest, field: string): Promise<UploadedFile> {
  let found: UploadedFile | null = null;
  for await (const part of req.parts()) {
    if (part.type !== 'file' || part.fieldname !== field) {
      throw invalidField(part.fieldname, `trường không được phép; gửi một tệp trong trường "${field}"`, `unexpected field; send one file as "${field}"`);
    }
    if (found) throw invalidField(field, 'chỉ gửi một tệp mỗi lần', 'send one file at a time');
    found = { bytes: await part.toBuffer(), filename: part.filename || 'tep' };
  }
  if (!found) throw invalidField(field, 'cần một tệp', 'a file is needed');
  return found;
}

/** Run a write that stores files; when it fails, the bytes it saved are removed again (no file without its row). */
export async function writeStoringFiles<T>(app: FastifyInstance, work: (tx: Transaction<Database>, store: FileStore) => Promise<T>): Promise<T> {
  const saved: string[] = [];
  const store: FileStore = {
    async save(bytes, extension) {
      const key = await app.fileStore.save(bytes, extension);
      saved.push(key);
      return key;
    },
    read: (key) => app.fileStore.read(key),
    remove: (key) => app.fileStore.remove(key),
  };
  try {
    return await app.write((tx) => work(tx, store));
  } catch (error) {
    await Promise.all(saved.map((key) => app.fileStore.remove(key).catch(() => undefined)));
    throw error;
  }
}

/** Send bytes as a download under their original (Vietnamese) name. */
export function sendDownload(reply: FastifyReply, file: { bytes: Buffer; name: string; mimeType: string }) {
  const ascii = file.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}
