import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../core/actor';
import type { Config } from '../config';
import type { DbHandle } from '../db/connection';
import type { Database } from '../db/schema';
import type { FileStore } from '../modules/files/file-store';

declare module 'fastify' {
  interface FastifyInstance {
    db: DbHandle;
    config: Config;
    /** Where uploaded bytes live (data/files by default). */
    fileStore: FileStore;
    /** Run a use case that only reads. */
    read<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
    /** Run a use case that writes: one transaction, committed when it returns, rolled back when it throws. */
    write<T>(work: (db: Transaction<Database>) => Promise<T>): Promise<T>;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** SHA-256 id of the cookie session, when the request came with one. */
    sessionId: string | null;
    csrfToken: string | null;
  }
}

export {};
