/**
 * Bytes of uploaded files on disk, under names the server makes (never the uploader's name),
 * sharded by year/month. The database row (files table) holds the original name and type.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface FileStore {
  save(bytes: Buffer, extension: string): Promise<string>;
  read(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

const KEY = /^\d{4}\/\d{2}\/[a-f0-9]{32}\.[a-z0-9]{1,8}$/;

export function createFileStore(root: string): FileStore {
  const locate = (key: string) => {
    if (!KEY.test(key)) throw new Error(`bad storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async save(bytes, extension) {
      const now = new Date();
      const key = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomBytes(16).toString('hex')}.${extension}`;
      const target = locate(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write under a temporary name and rename, so a reader never sees half a file.
      const temporary = `${target}.part`;
      await fs.writeFile(temporary, bytes, { flag: 'wx' });
      await fs.rename(temporary, target);
      return key;
    },
    read: (key) => fs.readFile(locate(key)),
    remove: (key) => fs.rm(locate(key), { force: true }),
  };
}
