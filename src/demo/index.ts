/** The demo dataset: Hai Phong in 2021 and its restructuring since (being filled in). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export const DEMO_LOGINS: Array<{ username: string; role: string; unit: string }> = [];

export async function loadDemo(_db: Kysely<Database>, _options: { log: (line: string) => void }): Promise<void> {
  throw new Error('demo dataset not loaded yet');
}
