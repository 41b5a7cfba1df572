/**
 * Reading uploaded files from a multipart request, and a file store that remembers what it saved
 * so a failed transaction can take the bytes back off the disk (no file without its row).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { invalidField } from '../core/errors';
import type { FileStore } from '../modules/files/file-store';

export interface UploadedPart {
  bytes: Buffer;
  filename: string;
}

/** Every file part of the request under `field`; other parts are refused by name. */
export async function readFileParts(req: FastifyRequest, field: string, maxFiles = 10): Promise<UploadedPart[]> {
  const out: UploadedPart[] = [];
  for await (const part of req.parts()) {
    if (part.type !== 'file') throw invalidField(part.fieldname, `trường không được phép; gửi tệp trong "${field}"`, `unexpected field; send files as "${field}"`);
    if (part.fieldname !== field) throw invalidField(part.fieldname, `gửi tệp trong trường "${field}"`, `send files as "${field}"`);
    const bytes = await part.toBuffer();
    out.push({ bytes, filename: part.filename || 'tep' });
    if (out.length > maxFiles) throw invalidField(field, `tối đa ${maxFiles} tệp mỗi lần`, `at most ${maxFiles} files at a time`);
  }
  if (out.length === 0) throw invalidField(field, 'cần ít nhất một tệp', 'at least one file is needed');
  return out;
}

/** Run a write that stores files; when it fails, the bytes it saved are removed again. */
export async function writeWithFiles<T>(app: FastifyInstance, work: (store: FileStore, tx: Parameters<Parameters<FastifyInstance['write']>[0]>[0]) => Promise<T>): Promise<T> {
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
    return await app.write((tx) => work(store, tx));
  } catch (error) {
    await Promise.all(saved.map((key) => app.fileStore.remove(key).catch(() => undefined)));
    throw error;
  }
}

/** Send stored bytes as a download under the original name. */
export function sendStoredFile(reply: FastifyReply, file: { bytes: Buffer; name: string; mimeType: string }) {
  const ascii = file.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}
