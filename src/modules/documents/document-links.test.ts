import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../core/actor';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import {
  TINY_PDF, TINY_PNG, countRows, documentActors, errorOf, multipart, registerDocument, type DocumentActors,
} from '../../test/document-fixtures';
import { renderPartyDocx } from '../../output/party-docx';
import { registerIssuedDocument } from './documents.service';

const databases = await testDatabases();

function filesOnDisk(t: TestApp): number {
  const root = path.join(t.app.config.dataDir, 'files');
  if (!fs.existsSync(root)) return 0;
  return fs.readdirSync(root, { recursive: true }).filter((f) => String(f).match(/\.[a-z]+$/) && !String(f).endsWith('.part')).length;
}

describe.each(databases)('document links, chain and attachments on $name', (database) => {
  let t: TestApp;
  let s: DocumentActors;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    s = await documentActors(t);
    ids.ct05 = await registerDocument(s.admin, { kind: 'chi_thi', number: '05-CT/TW', issuerName: 'Bộ Chính trị', issuedOn: '2016-05-15', title: 'Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh' });
    ids.kh03 = await registerDocument(s.admin, { kind: 'ke_hoach', number: '03-KH/TW', issuerName: 'Ban Bí thư', issuedOn: '2016-07-25', title: 'Thực hiện Chỉ thị 05-CT/TW', links: [{ kind: 'implements', toDocumentId: ids.ct05 }] });
    ids.kh32 = await registerDocument(s.admin, {
      kind: 'ke_hoach', number: '32-KH/TU', issuerUnitId: t.tree.city, issuerName: 'Ban Thường vụ Thành ủy', issuedOn: '2016-09-26', title: 'Thực hiện Chỉ thị 05-CT/TW',
      links: [{ kind: 'implements', toDocumentId: ids.kh03 }, { kind: 'implements', toDocumentId: ids.ct05 }],
    });
    ids.ct27 = await registerDocument(s.admin, { kind: 'chi_thi', number: '27/CT-TTg', issuerName: 'Thủ tướng Chính phủ', issuedOn: '2016-09-08', title: 'Về đẩy mạnh học tập …', links: [{ kind: 'related', toDocumentId: ids.ct05 }] });
  });
  afterAll(async () => t?.close());

  it.skipIf(database.skip)('lets the plans module register an issued plan with its links inside its own transaction', async () => {
    const city = await t.handle.db.transaction().execute((tx) => registerIssuedDocument(tx, SYSTEM_CLI, {
      kind: 'ke_hoach', number: '12-KH/TU', issuerUnitId: t.tree.city, issuerName: 'Ban Thường vụ Thành ủy', issuedOn: '2021-02-24',
      title: 'Kế hoạch thực hiện Chỉ thị 05-CT/TW năm 2021', links: [{ kind: 'implements', toDocumentId: ids.kh32 }, { kind: 'implements', toDocumentId: ids.ct05 }],
    }));
    expect(city).toMatchObject({ number: '12-KH/TU', issuerUnitId: t.tree.city });
    ids.kh12 = city.id;
    // Already registered (from citations, say): the entry is completed and linked, not duplicated.
    ids.quA = await registerDocument(s.leaderA, { kind: 'ke_hoach', number: '20-KH/QU', issuerUnitId: t.tree.districtA, title: 'Kế hoạch (trích dẫn)' });
    const again = await t.handle.db.transaction().execute((tx) => registerIssuedDocument(tx, SYSTEM_CLI, {
      kind: 'ke_hoach', number: '20 - kh/qu', issuerUnitId: t.tree.districtA, issuedOn: '2021-03-10', title: 'Kế hoạch thực hiện Kế hoạch 12-KH/TU của Ban Thường vụ Thành ủy',
      links: [{ kind: 'implements', toDocumentId: ids.kh12 }],
    }));
    expect(again).toMatchObject({ id: ids.quA, issuedOn: '2021-03-10', title: 'Kế hoạch thực hiện Kế hoạch 12-KH/TU của Ban Thường vụ Thành ủy' });
    ids.quB = await registerDocument(s.coordinatorB, { kind: 'ke_hoach', number: '21-KH/QU', issuerUnitId: t.tree.districtB, issuedOn: '2021-03-15', title: 'Kế hoạch quận B', links: [{ kind: 'implements', toDocumentId: ids.kh12 }] });
    // A failure inside the caller's transaction takes everything back with it.
    const before = await countRows(t, 'documents');
    await expect(t.handle.db.transaction().execute(async (tx) => {
      await registerIssuedDocument(tx, SYSTEM_CLI, { kind: 'ke_hoach', number: '13-KH/TU', issuerUnitId: t.tree.city, issuedOn: '2021-03-01', title: 'x', links: [{ kind: 'implements', toDocumentId: 999_999 }] });
    })).rejects.toMatchObject({ status: 400 });
    expect(await countRows(t, 'documents')).toBe(before);
  });

  it.skipIf(database.skip)('shows the chain level by level, up to the directive and down to the district plans', async () => {
    const res = await s.reporterB.inject({ url: `/api/v1/documents/${ids.kh32}/chain` });
    expect(res.statusCode).toBe(200);
    const chain = res.json();
    expect(chain.document.number).toBe('32-KH/TU');
    // 32-KH/TU implements 03-KH/TW and 05-CT/TW directly; 05-CT/TW shows once, at the nearer level.
    expect(chain.up.map((l: any) => l.documents.map((d: any) => d.number))).toEqual([['05-CT/TW', '03-KH/TW']]);
    expect(chain.down.map((l: any) => l.documents.map((d: any) => d.number))).toEqual([['12-KH/TU'], ['20-KH/QU', '21-KH/QU']]);
    expect(chain.down[1].documents[0].via).toEqual([ids.kh12]);
    const fromDistrict = (await s.viewer.inject({ url: `/api/v1/documents/${ids.quB}/chain` })).json();
    expect(fromDistrict.up.map((l: any) => l.documents.map((d: any) => d.number))).toEqual([['12-KH/TU'], ['05-CT/TW', '32-KH/TU'], ['03-KH/TW']]);
    expect(fromDistrict.down).toEqual([]);
    const related = (await s.viewer.inject({ url: `/api/v1/documents/${ids.ct27}/chain?kinds=related` })).json();
    expect(related.up.map((l: any) => l.documents.map((d: any) => d.number))).toEqual([['05-CT/TW']]);
    const shallow = (await s.viewer.inject({ url: `/api/v1/documents/${ids.quB}/chain?depth=1` })).json();
    expect(shallow.up).toHaveLength(1);
    expect((await s.viewer.inject({ url: `/api/v1/documents/${ids.quB}/chain?kinds=obeys` })).statusCode).toBe(400);
    expect((await s.viewer.inject({ url: `/api/v1/documents/${ids.quB}/chain?depth=99` })).statusCode).toBe(400);
    expect((await s.viewer.inject({ url: '/api/v1/documents/999999/chain' })).statusCode).toBe(404);
  });

  it.skipIf(database.skip)('lists links both ways on the document page', async () => {
    const detail = (await s.viewer.inject({ url: `/api/v1/documents/${ids.ct05}` })).json();
    const seen = detail.links.map((l: any) => `${l.direction} ${l.kind} ${l.document.number}`).sort();
    expect(seen).toEqual(['in implements 03-KH/TW', 'in implements 12-KH/TU', 'in implements 32-KH/TU', 'in related 27/CT-TTg']);
  });

  it.skipIf(database.skip)('refuses self links, duplicates, cycles and strangers, writing nothing', async () => {
    const before = await countRows(t, 'document_links');
    const link = (session: typeof s.admin, from: number, payload: object) => session.inject({ method: 'POST', url: `/api/v1/documents/${from}/links`, payload });
    const self = await link(s.admin, ids.ct05, { kind: 'related', toDocumentId: ids.ct05 });
    expect(self.statusCode).toBe(400);
    expect(errorOf(self).message).toMatch(/toDocumentId: .*chính nó/);
    expect((await link(s.admin, ids.kh03, { kind: 'implements', toDocumentId: ids.ct05 })).statusCode).toBe(409);
    expect((await link(s.admin, ids.ct05, { kind: 'related', toDocumentId: ids.ct27 })).statusCode).toBe(409);
    const cycle = await link(s.admin, ids.ct05, { kind: 'implements', toDocumentId: ids.quB });
    expect(cycle.statusCode).toBe(400);
    expect(errorOf(cycle).message).toMatch(/vòng/);
    expect((await link(s.admin, ids.ct05, { kind: 'implements', toDocumentId: 999_999 })).statusCode).toBe(400);
    expect((await link(s.admin, ids.ct05, { kind: 'sort_of', toDocumentId: ids.kh03 })).statusCode).toBe(400);
    // District A's people cannot make district B's plan claim anything.
    expect((await link(s.leaderA, ids.quB, { kind: 'related', toDocumentId: ids.ct27 })).statusCode).toBe(403);
    expect((await link(s.reporterB, ids.quB, { kind: 'related', toDocumentId: ids.ct27 })).statusCode).toBe(403);
    expect(await countRows(t, 'document_links')).toBe(before);
  });

  it.skipIf(database.skip)('adds and removes a link; removal belongs to the staff of the "from" document', async () => {
    const added = await s.coordinatorB.inject({ method: 'POST', url: `/api/v1/documents/${ids.quB}/links`, payload: { kind: 'related', toDocumentId: ids.ct27 } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ kind: 'related', direction: 'out', document: { number: '27/CT-TTg' } });
    const linkId = added.json().id;
    expect((await s.leaderA.inject({ method: 'DELETE', url: `/api/v1/documents/${ids.ct27}/links/${linkId}` })).statusCode).toBe(403);
    expect((await s.coordinatorB.inject({ method: 'DELETE', url: `/api/v1/documents/${ids.kh03}/links/${linkId}` })).statusCode).toBe(404);
    expect((await s.coordinatorB.inject({ method: 'DELETE', url: `/api/v1/documents/${ids.ct27}/links/${linkId}` })).statusCode).toBe(204);
    expect((await s.coordinatorB.inject({ method: 'DELETE', url: `/api/v1/documents/${ids.ct27}/links/${linkId}` })).statusCode).toBe(404);
  });

  it.skipIf(database.skip)('attaches the signed PDF and the DOCX by their bytes, downloads them, detaches them', async () => {
    const docx = await renderPartyDocx({
      issuer: 'Ban Thường vụ Thành ủy', number: '32-KH/TU', place: 'Hải Phòng', date: '2016-09-26', kind: 'Kế hoạch', body: [],
      recipients: ['Lưu'], signature: { position: 'Bí thư', signer: 'A' },
    });
    const pdf = await s.admin.inject({ method: 'POST', url: `/api/v1/documents/${ids.kh32}/attachments?role=signed`, ...multipart('file', 'Kế hoạch 32.pdf', TINY_PDF) });
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({ name: 'Kế hoạch 32.pdf', mimeType: 'application/pdf', role: 'signed', sizeBytes: TINY_PDF.length });
    const word = await s.admin.inject({ method: 'POST', url: `/api/v1/documents/${ids.kh32}/attachments?role=draft`, ...multipart('file', 'du-thao.pdf', docx) });
    expect(word.statusCode).toBe(201);
    // The type comes from the bytes, whatever the name says.
    expect(word.json().mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const download = await s.reporterB.inject({ url: `/api/v1/documents/${ids.kh32}/attachments/${pdf.json().fileId}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(String(download.headers['content-disposition'])).toContain("filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2032.pdf");
    expect(download.rawPayload.equals(TINY_PDF)).toBe(true);
    const detail = (await s.viewer.inject({ url: `/api/v1/documents/${ids.kh32}` })).json();
    expect(detail.attachments.map((a: any) => a.role)).toEqual(['signed', 'draft']);
    // Bytes lost from disk (a restore without the files folder) give a clear 410, not a crash.
    const row = await t.handle.db.selectFrom('files').select('storage_key').where('id', '=', word.json().fileId).executeTakeFirstOrThrow();
    fs.rmSync(path.join(t.app.config.dataDir, 'files', row.storage_key));
    const gone = await s.viewer.inject({ url: `/api/v1/documents/${ids.kh32}/attachments/${word.json().fileId}` });
    expect(gone.statusCode).toBe(410);
    expect(errorOf(gone).message).toMatch(/không còn trên máy chủ/);
    expect((await s.admin.inject({ method: 'DELETE', url: `/api/v1/documents/${ids.kh32}/attachments/${word.json().fileId}` })).statusCode).toBe(204);
    expect((await s.viewer.inject({ url: `/api/v1/documents/${ids.kh32}/attachments/${word.json().fileId}` })).statusCode).toBe(404);
  });

  it.skipIf(database.skip)('refuses other file types, wrong fields and strangers, leaving no bytes behind', async () => {
    const rows = await countRows(t, 'files');
    const disk = filesOnDisk(t);
    const png = await s.admin.inject({ method: 'POST', url: `/api/v1/documents/${ids.kh32}/attachments`, ...multipart('file', 'scan.pdf', TINY_PNG) });
    expect(png.statusCode).toBe(400);
    expect(errorOf(png).message).toMatch(/file: .*(pdf, docx).*png/);
    const wrongField = await s.admin.inject({ method: 'POST', url: `/api/v1/documents/${ids.kh32}/attachments`, ...multipart('tep', 'a.pdf', TINY_PDF) });
    expect(wrongField.statusCode).toBe(400);
    expect(errorOf(wrongField).message).toMatch(/^tep: /);
    const notMultipart = await s.admin.inject({ method: 'POST', url: `/api/v1/documents/${ids.kh32}/attachments`, payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBeGreaterThanOrEqual(400);
    expect(notMultipart.statusCode).toBeLessThan(500);
    const badRole = await s.admin.inject({ method: 'POST', url: `/api/v1/documents/${ids.kh32}/attachments?role=secret`, ...multipart('file', 'a.pdf', TINY_PDF) });
    expect(badRole.statusCode).toBe(400);
    const stranger = await s.leaderA.inject({ method: 'POST', url: `/api/v1/documents/${ids.quB}/attachments`, ...multipart('file', 'a.pdf', TINY_PDF) });
    expect(stranger.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: `/api/v1/documents/${ids.quB}/attachments`, ...multipart('file', 'a.pdf', TINY_PDF) });
    expect(anonymous.statusCode).toBe(401);
    expect(await countRows(t, 'files')).toBe(rows);
    expect(filesOnDisk(t)).toBe(disk);
  });

  it.skipIf(database.skip)('deletes a document with its links; refuses strangers', async () => {
    expect((await s.leaderA.inject({ method: 'DELETE', url: `/api/v1/documents/${ids.ct27}` })).statusCode).toBe(204);
    expect((await s.viewer.inject({ url: `/api/v1/documents/${ids.ct27}` })).statusCode).toBe(404);
    const detail = (await s.viewer.inject({ url: `/api/v1/documents/${ids.ct05}` })).json();
    expect(detail.links.some((l: any) => l.document.number === '27/CT-TTg')).toBe(false);
    expect((await s.leaderA.inject({ method: 'DELETE', url: `/api/v1/documents/${ids.quB}` })).statusCode).toBe(403);
  });
});
