import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraph } from '../../output/party-document';
import { renderPartyDocx } from '../../output/party-docx';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { TINY_PDF, countRows, documentActors, errorOf, multipart, registerDocument, type DocumentActors } from '../../test/document-fixtures';

const SEED = fs.readFileSync(fileURLToPath(new URL('../../test/data/seed-article-05-ct-tw.txt', import.meta.url)), 'utf8');
const databases = await testDatabases();

const SEED_NUMBERS = ['05-CT/TW', '03-KH/TW', '32-KH/TU', null, null, null, '45-NQ/TW', '27/CT-TTg'];

describe.each(databases)('citation extraction API on $name', (database) => {
  let t: TestApp;
  let s: DocumentActors;

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    s = await documentActors(t);
  });
  afterAll(async () => t?.close());

  it.skipIf(database.skip)('returns each document the seed cites once, with number, kind, date and issuer', async () => {
    const res = await s.reporterB.inject({ method: 'POST', url: '/api/v1/citations/extract', payload: { text: SEED } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.source).toBe('text');
    expect(body.citations.map((c: any) => c.number)).toEqual(SEED_NUMBERS);
    expect(body.citations[0]).toMatchObject({
      key: 'no:05-CT/TW', kind: 'chi_thi', kindName: 'Chỉ thị', numbering: 'party', issuedOn: '2016-05-15', issuer: 'Bộ Chính trị',
      suggestedTitle: 'Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', citationKey: null,
      registry: { match: null, candidates: [] },
    });
    expect(body.citations[3]).toMatchObject({ key: 'tw:4:XII', label: 'Nghị quyết Trung ương 4 (khóa XII)', citationKey: 'tw:4:XII', term: 'XII' });
    expect(body.citations[7]).toMatchObject({ number: '27/CT-TTg', numbering: 'state', issuedOn: '2016-09-08', issuer: 'Thủ tướng Chính phủ' });
    expect(body.citations[6].suggestedTitle).toBe('Về xây dựng và phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045');
  });

  it.skipIf(database.skip)('finds what the registry already holds, by number or by citation key', async () => {
    const ct05 = await registerDocument(s.admin, { kind: 'chi_thi', number: '05-CT/TW', issuerName: 'Bộ Chính trị', issuedOn: '2016-05-15', title: 'Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh' });
    const congress = await registerDocument(s.admin, { kind: 'nghi_quyet', issuerUnitId: t.tree.city, issuerName: 'Đại hội đại biểu Đảng bộ thành phố Hải Phòng lần thứ XVI', issuedOn: '2020-10-16', title: 'Nghị quyết Đại hội đại biểu Đảng bộ thành phố Hải Phòng lần thứ XVI', citationKey: 'dh:thanh-pho-hai-phong:XVI' });
    const body = (await s.viewer.inject({ method: 'POST', url: '/api/v1/citations/extract', payload: { text: SEED } })).json();
    expect(body.citations[0].registry.match).toMatchObject({ id: ct05, number: '05-CT/TW' });
    // The seed says "Đảng bộ thành phố"; the registry names the city: still the one candidate.
    expect(body.citations[5].registry).toMatchObject({ match: { id: congress }, candidates: [{ id: congress }] });
    expect(body.citations[4].registry.match).toBeNull();
  });

  it.skipIf(database.skip)('reads an uploaded DOCX the same way, by its bytes', async () => {
    const paragraphs = SEED.split('\n').filter((l) => l.trim() !== '').map((l) => paragraph(l));
    const docx = await renderPartyDocx({
      superior: 'Đảng bộ thành phố Hải Phòng', issuer: 'Ban Tuyên giáo Thành ủy', number: '01-BC/BTGTU', place: 'Hải Phòng', date: '2021-03-01',
      kind: 'Báo cáo', subject: 'tóm tắt Kế hoạch năm 2021', body: paragraphs, recipients: ['Lưu'], signature: { position: 'Trưởng ban', signer: 'A' },
    });
    const res = await s.reporterB.inject({ method: 'POST', url: '/api/v1/citations/extract', ...multipart('file', 'bao-cao.docx', docx) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.source).toBe('docx');
    expect(body.text).toContain('Nghị quyết Đại hội XIII của Đảng');
    // The header's own number (01-BC/BTGTU) is a citation of the report itself; the seed's eight follow.
    expect(body.citations.map((c: any) => c.number)).toEqual(['01-BC/BTGTU', ...SEED_NUMBERS]);
  });

  it.skipIf(database.skip)('refuses empty text, other files, wrong fields and anonymous callers', async () => {
    const empty = await s.viewer.inject({ method: 'POST', url: '/api/v1/citations/extract', payload: { text: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).message).toMatch(/text: không được để trống/);
    const missing = await s.viewer.inject({ method: 'POST', url: '/api/v1/citations/extract', payload: {}, headers: { 'accept-language': 'en' } });
    expect(errorOf(missing).message).toMatch(/text: is required/);
    expect((await s.viewer.inject({ method: 'POST', url: '/api/v1/citations/extract', payload: { text: 5 } })).statusCode).toBe(400);
    const tooLong = await s.viewer.inject({ method: 'POST', url: '/api/v1/citations/extract', payload: { text: 'a'.repeat(500_001) } });
    expect(tooLong.statusCode).toBe(400);
    const pdf = await s.viewer.inject({ method: 'POST', url: '/api/v1/citations/extract', ...multipart('file', 'a.docx', TINY_PDF) });
    expect(pdf.statusCode).toBe(400);
    expect(errorOf(pdf).message).toMatch(/file: .*docx.*pdf/);
    const wrongField = await s.viewer.inject({ method: 'POST', url: '/api/v1/citations/extract', ...multipart('document', 'a.docx', TINY_PDF) });
    expect(errorOf(wrongField).message).toMatch(/^document: /);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/citations/extract', payload: { text: SEED } })).statusCode).toBe(401);
  });

  it.skipIf(database.skip)('creates or links every citation in one call, linking a source document to each', async () => {
    const extracted = (await s.admin.inject({ method: 'POST', url: '/api/v1/citations/extract', payload: { text: SEED } })).json().citations as any[];
    const source = await registerDocument(s.admin, { kind: 'ke_hoach', number: '12-KH/TU', issuerUnitId: t.tree.city, issuerName: 'Ban Thường vụ Thành ủy', issuedOn: '2021-02-24', title: 'Kế hoạch thực hiện Chỉ thị 05-CT/TW năm 2021' });
    const items = extracted.map((c) => (c.registry.match
      ? { action: 'link', citationKey: c.key, documentId: c.registry.match.id }
      : { action: 'create', citationKey: c.key, document: { kind: c.kind, number: c.number ?? undefined, issuerName: c.issuer, issuedOn: c.issuedOn ?? undefined, title: c.suggestedTitle } }));
    const before = { docs: await countRows(t, 'documents'), links: await countRows(t, 'document_links') };
    const res = await s.admin.inject({ method: 'POST', url: '/api/v1/documents/from-citations', payload: { items, source: { documentId: source, linkKind: 'implements' } } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.results.map((r: any) => r.created)).toEqual([false, true, true, true, true, false, true, true]);
    expect(body.links).toHaveLength(8);
    expect(await countRows(t, 'documents')).toBe(before.docs + 6);
    expect(await countRows(t, 'document_links')).toBe(before.links + 8);
    const again = (await s.admin.inject({ method: 'POST', url: '/api/v1/citations/extract', payload: { text: SEED } })).json().citations as any[];
    expect(again.every((c) => c.registry.match !== null)).toBe(true);
    expect(again[3].registry.match.title).toBe('Nghị quyết Trung ương 4 (khóa XII) về tăng cường xây dựng, chỉnh đốn Đảng');
    const chain = (await s.viewer.inject({ url: `/api/v1/documents/${source}/chain` })).json();
    expect(chain.up[0].documents).toHaveLength(8);
  });

  it.skipIf(database.skip)('writes nothing when one item fails, and says which', async () => {
    const before = { docs: await countRows(t, 'documents'), links: await countRows(t, 'document_links') };
    const items = [
      { action: 'create', document: { kind: 'ket_luan', number: '01-KL/TW', issuerName: 'Bộ Chính trị', issuedOn: '2021-05-18', title: 'Kết luận 01' } },
      { action: 'create', document: { kind: 'chi_thi', number: '05-CT/TW', issuerName: 'Bộ Chính trị', title: 'trùng số' } },
    ];
    const dup = await s.admin.inject({ method: 'POST', url: '/api/v1/documents/from-citations', payload: { items } });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).details.field).toBe('items.1.document.number');
    const bad = await s.admin.inject({ method: 'POST', url: '/api/v1/documents/from-citations', payload: { items: [items[0], { action: 'create', document: { kind: 'chi_thi', number: '05-CT', issuerName: 'x', title: 'y' } }] } });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/^items\.1\.document\.number: /);
    const missing = await s.admin.inject({ method: 'POST', url: '/api/v1/documents/from-citations', payload: { items: [items[0], { action: 'link', documentId: 999_999 }] } });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing).message).toMatch(/^items\.1\.documentId: /);
    expect((await s.admin.inject({ method: 'POST', url: '/api/v1/documents/from-citations', payload: { items: [] } })).statusCode).toBe(400);
    expect((await s.admin.inject({ method: 'POST', url: '/api/v1/documents/from-citations', payload: { items: [{ action: 'guess' }] } })).statusCode).toBe(400);
    expect((await s.reporterB.inject({ method: 'POST', url: '/api/v1/documents/from-citations', payload: { items: [items[0]] } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/documents/from-citations', payload: { items: [items[0]] } })).statusCode).toBe(401);
    expect(await countRows(t, 'documents')).toBe(before.docs);
    expect(await countRows(t, 'document_links')).toBe(before.links);
  });
});
