import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../core/actor';
import type { DbHandle } from '../db/connection';
import * as audit from '../modules/audit/audit.service';
import { extractFromText } from '../modules/documents/citations.service';
import { documentChain } from '../modules/documents/document-links.service';
import { documentIdByNumber, getDocument } from '../modules/documents/documents.service';
import * as orgs from '../modules/orgs/orgs.service';
import { testDatabases } from '../test/databases';
import { createDemoContext } from './context';
import { DEMO_DOCUMENTS, loadDemoDocuments } from './documents';

const SEED = fs.readFileSync(fileURLToPath(new URL('../test/data/seed-article-05-ct-tw.txt', import.meta.url)), 'utf8');
const databases = await testDatabases();

describe.each(databases)('demo documents on $name', (database) => {
  let handle: DbHandle;
  let ids: Map<string, number>;

  beforeAll(async () => {
    if (database.skip) return;
    handle = await database.open();
    // Only the unit the documents name is needed; the full demo tree is tested by the demo itself.
    const ctx = createDemoContext(() => undefined);
    const city = await handle.db.transaction().execute((tx) => orgs.createUnit(tx, SYSTEM_CLI, {
      code: 'TU-HP', name: 'Thành ủy Hải Phòng', kind: 'thanh_uy', parentId: null, hierarchy: 'party', validFrom: '1930-01-01',
    }));
    ctx.unitIds.set('TU-HP', city.id);
    ids = await handle.db.transaction().execute((tx) => loadDemoDocuments(tx, ctx));
  });
  afterAll(async () => handle?.close());

  it.skipIf(database.skip)('registers every document the seed cites, and the seed finds each of them', async () => {
    expect(ids.size).toBe(DEMO_DOCUMENTS.length);
    const citations = await extractFromText(handle.db, SYSTEM_CLI, SEED, 'vi');
    expect(citations).toHaveLength(8);
    for (const c of citations) expect(c.registry.match, c.label).not.toBeNull();
    expect(citations.map((c) => c.registry.match!.id)).toEqual(['ct05', 'kh03', 'kh32', 'nqtw4', 'dh13', 'dhtp16', 'nq45', 'ct27'].map((r) => ids.get(r)));
    expect(await documentIdByNumber(handle.db, '32 - kh/tu')).toBe(ids.get('kh32'));
  });

  it.skipIf(database.skip)('links them into the chain 05-CT/TW ← 03-KH/TW ← 32-KH/TU, with 27/CT-TTg related', async () => {
    const up = await documentChain(handle.db, SYSTEM_CLI, ids.get('kh32')!, { kinds: ['implements'], depth: 6 });
    expect(up.up.map((l) => l.documents.map((d) => d.number))).toEqual([['05-CT/TW', '03-KH/TW']]);
    const down = await documentChain(handle.db, SYSTEM_CLI, ids.get('ct05')!, { kinds: ['implements'], depth: 6 });
    expect(down.down.map((l) => l.documents.map((d) => d.number))).toEqual([['03-KH/TW', '32-KH/TU']]);
    const directive = await getDocument(handle.db, SYSTEM_CLI, ids.get('ct05')!);
    expect(directive.links.filter((l) => l.kind === 'related').map((l) => l.document.number).sort()).toEqual(['04-NQ/TW', '27/CT-TTg']);
    const plan = await getDocument(handle.db, SYSTEM_CLI, ids.get('kh32')!);
    expect(plan).toMatchObject({ issuerName: 'Ban Thường vụ Thành ủy', issuerUnitName: 'Thành ủy Hải Phòng', issuedOn: '2016-09-26' });
    expect((await audit.verify(handle.db)).ok).toBe(true);
  });
});
