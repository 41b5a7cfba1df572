import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { countRows, documentActors, errorOf, registerDocument, type DocumentActors } from '../../test/document-fixtures';
import * as audit from '../audit/audit.service';

const databases = await testDatabases();

const DIRECTIVE = { kind: 'chi_thi', number: '5 - ct/tw', issuerName: 'Bộ Chính trị', issuedOn: '2016-05-15', title: 'Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh' };

describe.each(databases)('document registry on $name', (database) => {
  let t: TestApp;
  let s: DocumentActors;
  let directiveId: number;

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    s = await documentActors(t);
  });
  afterAll(async () => t?.close());

  it.skipIf(database.skip)('registers a document from outside our tree by office staff of any unit, in canonical spelling', async () => {
    const res = await s.coordinatorB.inject({ method: 'POST', url: '/api/v1/documents', payload: DIRECTIVE });
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      kind: 'chi_thi', kindName: 'Chỉ thị', number: '05-CT/TW', numbering: 'party', issuerName: 'Bộ Chính trị', issuerUnitId: null,
      issuedOn: '2016-05-15', numberParts: { number: '05', year: null, kindCode: 'CT', issuerCode: 'TW' }, canManage: true,
    });
    directiveId = doc.id;
    const entries = await audit.list(t.handle.db, { kind: 'system', name: 'test' }, { entity: 'document', entityId: String(directiveId), limit: 5 });
    expect(entries.map((e) => e.action)).toEqual(['create']);
    expect((await audit.verify(t.handle.db)).ok).toBe(true);
  });

  it.skipIf(database.skip)('lets every signed-in user read, and nobody else', async () => {
    for (const session of [s.reporterB, s.viewer, s.leaderA]) {
      const res = await session.inject({ url: `/api/v1/documents/${directiveId}` });
      expect(res.statusCode).toBe(200);
      expect(res.json().number).toBe('05-CT/TW');
    }
    expect((await s.viewer.inject({ url: `/api/v1/documents/${directiveId}` })).json().canManage).toBe(false);
    expect((await t.app.inject({ url: '/api/v1/documents' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: `/api/v1/documents/${directiveId}/chain` })).statusCode).toBe(401);
    expect((await s.viewer.inject({ url: '/api/v1/documents/999999' })).statusCode).toBe(404);
  });

  it.skipIf(database.skip)('refuses registering to reporters, viewers and anonymous callers, writing nothing', async () => {
    const before = await countRows(t, 'documents');
    const payload = { ...DIRECTIVE, number: '27/CT-TTg', issuerName: 'Thủ tướng Chính phủ', issuedOn: '2016-09-08' };
    expect((await s.reporterB.inject({ method: 'POST', url: '/api/v1/documents', payload })).statusCode).toBe(403);
    expect((await s.viewer.inject({ method: 'POST', url: '/api/v1/documents', payload })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/documents', payload })).statusCode).toBe(401);
    expect((await s.viewer.inject({ method: 'PATCH', url: `/api/v1/documents/${directiveId}`, payload: { title: 'x' } })).statusCode).toBe(403);
    expect((await s.reporterB.inject({ method: 'DELETE', url: `/api/v1/documents/${directiveId}` })).statusCode).toBe(403);
    expect(await countRows(t, 'documents')).toBe(before);
  });

  it.skipIf(database.skip)('gives a unit-issued document to the staff of that unit and above, not to siblings', async () => {
    const res = await s.leaderA.inject({ method: 'POST', url: '/api/v1/documents', payload: {
      kind: 'ke_hoach', number: '15-KH/QU', issuerUnitId: t.tree.districtA, issuedOn: '2021-03-03', title: 'Kế hoạch thực hiện Chỉ thị 05-CT/TW năm 2021',
    } });
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    expect(plan.issuerName).toBe('Quận ủy Đồ Sơn');
    expect(plan.issuerUnitName).toBe('Quận ủy Đồ Sơn');
    const edit = (session: typeof s.admin) => session.inject({ method: 'PATCH', url: `/api/v1/documents/${plan.id}`, payload: { summary: 'Sáu nhóm nhiệm vụ.' } });
    expect((await edit(s.coordinatorB)).statusCode).toBe(403);
    expect((await edit(s.propaganda)).statusCode).toBe(403);
    expect((await edit(s.admin)).statusCode).toBe(200);
    expect((await edit(s.leaderA)).json().summary).toBe('Sáu nhóm nhiệm vụ.');
    // Registering in a unit one does not manage is refused.
    const elsewhere = await s.leaderA.inject({ method: 'POST', url: '/api/v1/documents', payload: {
      kind: 'ke_hoach', number: '16-KH/QU', issuerUnitId: t.tree.districtB, issuedOn: '2021-03-03', title: 'x',
    } });
    expect(elsewhere.statusCode).toBe(403);
    // Moving a document to another unit needs rights at both ends.
    const move = await s.leaderA.inject({ method: 'PATCH', url: `/api/v1/documents/${plan.id}`, payload: { issuerUnitId: t.tree.districtB } });
    expect(move.statusCode).toBe(403);
  });

  it.skipIf(database.skip)('refuses a number already registered, in any spelling, naming the existing entry', async () => {
    const before = await countRows(t, 'documents');
    const res = await s.admin.inject({ method: 'POST', url: '/api/v1/documents', payload: { ...DIRECTIVE, number: '05–CT/TW' } });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toMatchObject({ code: 'duplicate_number', details: { field: 'number', existingId: directiveId } });
    expect(errorOf(res).message).toContain('05-CT/TW');
    expect(await countRows(t, 'documents')).toBe(before);
  });

  it.skipIf(database.skip)('names the bad field, in Vietnamese by default and English on request, and writes nothing', async () => {
    const before = await countRows(t, 'documents');
    const cases: Array<[Record<string, unknown>, string, RegExp, RegExp]> = [
      [{ ...DIRECTIVE, number: '05-CT' }, 'number', /thiếu dấu "\/"/, /missing "\/"/],
      [{ ...DIRECTIVE, number: 'CT/TW' }, 'number', /phải bắt đầu bằng số thứ tự/, /starts with its serial/],
      [{ ...DIRECTIVE, number: '06-NQ/TW' }, 'kind', /nghị quyết, không phải chỉ thị/, /resolution, not a directive/],
      [{ ...DIRECTIVE, number: '09/2019/NĐ-CP', kind: 'nghi_dinh', issuerName: 'Chính phủ' }, 'issuedOn', /mang năm 2019/, /carries the year 2019/],
      [{ ...DIRECTIVE, number: '07-CT/TW', issuedOn: '2999-01-01' }, 'issuedOn', /chưa tới/, /future/],
      [{ ...DIRECTIVE, number: '07-CT/TW', issuedOn: '2016-02-30' }, 'issuedOn', /ngày có thật/, /real calendar date/],
      [{ ...DIRECTIVE, number: '07-CT/TW', issuerName: undefined }, 'issuerName', /cơ quan ban hành/, /issuing body/],
      [{ ...DIRECTIVE, number: '07-CT/TW', issuerUnitId: 987654 }, 'issuerUnitId', /không có đơn vị/, /no unit/],
      [{ ...DIRECTIVE, number: '07-CT/TW', kind: 'sac_lenh' }, 'kind', /một trong/, /one of/],
      [{ ...DIRECTIVE, number: '07-CT/TW', title: '   ' }, 'title', /không được để trống/, /must not be empty/],
      [{ ...DIRECTIVE, number: '07-CT/TW', citationKey: 'abc' }, 'citationKey', /mã trích dẫn/, /citation key/],
      [{ ...DIRECTIVE, number: '07-CT/TW', links: [{ kind: 'implements', toDocumentId: 987654 }] }, 'links.0.toDocumentId', /không có văn bản 987654/, /no document 987654/],
      [{ ...DIRECTIVE, number: '07-CT/TW', links: [{ kind: 'obeys', toDocumentId: 1 }] }, 'links.0.kind', /một trong/, /one of/],
    ];
    for (const [payload, field, vi, en] of cases) {
      const res = await s.admin.inject({ method: 'POST', url: '/api/v1/documents', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorOf(res).message, field).toMatch(new RegExp(`${field.replace(/\./g, '\\.')}: .*${vi.source}`));
      const english = await s.admin.inject({ method: 'POST', url: '/api/v1/documents', payload, headers: { 'accept-language': 'en' } });
      expect(errorOf(english).message, field).toMatch(new RegExp(`${field.replace(/\./g, '\\.')}: .*${en.source}`));
    }
    expect(await countRows(t, 'documents')).toBe(before);
    const badQuery = await s.viewer.inject({ url: '/api/v1/documents?year=abc&kind=x' });
    expect(badQuery.statusCode).toBe(400);
    expect(errorOf(badQuery).message).toMatch(/year/);
    expect((await s.admin.inject({ method: 'PATCH', url: `/api/v1/documents/${directiveId}`, payload: {} })).statusCode).toBe(400);
    expect((await s.admin.inject({ method: 'PATCH', url: '/api/v1/documents/abc', payload: { title: 'x' } })).statusCode).toBe(400);
  });

  it.skipIf(database.skip)('searches without diacritics, by number in any spelling, and filters by kind, issuer and year', async () => {
    await registerDocument(s.admin, { kind: 'chi_thi', number: '27/CT-TTg', issuerName: 'Thủ tướng Chính phủ', issuedOn: '2016-09-08', title: 'Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh' });
    await registerDocument(s.admin, { kind: 'nghi_quyet', number: '45-NQ/TW', issuerName: 'Bộ Chính trị', issuedOn: '2019-01-24', title: 'Về xây dựng và phát triển thành phố Hải Phòng đến năm 2030, tầm nhìn đến năm 2045' });
    await registerDocument(s.admin, { kind: 'nghi_quyet', issuerName: 'Ban Chấp hành Trung ương Đảng', issuedOn: '2016-10-30', title: 'Nghị quyết Hội nghị Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng', citationKey: 'tw:4:xii' });
    const search = async (query: string) => (await s.reporterB.inject({ url: `/api/v1/documents?${query}` })).json() as { total: number; items: Array<{ number: string | null; title: string; citationKey: string | null }> };
    expect((await search('q=phong cach ho chi minh')).items.map((d) => d.number).sort()).toEqual(['05-CT/TW', '27/CT-TTg']);
    expect((await search('q=hai phong 2045')).items.map((d) => d.number)).toEqual(['45-NQ/TW']);
    // A number in any spelling finds its document first, then documents that mention it.
    expect((await search(`q=${encodeURIComponent('5-ct/tw')}`)).items.map((d) => d.number)).toEqual(['05-CT/TW', '15-KH/QU']);
    expect((await search('kind=nghi_quyet')).items.map((d) => d.number)).toEqual(['45-NQ/TW', null]);
    expect((await search('issuer=bo chinh tri')).items.map((d) => d.number)).toEqual(['45-NQ/TW', '05-CT/TW']);
    expect((await search('year=2016&issuer=thu tuong')).items.map((d) => d.number)).toEqual(['27/CT-TTg']);
    expect((await search('year=2016')).total).toBe(3);
    expect((await search(`issuerUnit=${t.tree.districtA}`)).items.map((d) => d.number)).toEqual(['15-KH/QU']);
    const page = await search('limit=2&offset=0');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(5);
    const unnumbered = (await search('q=trung uong 4')).items[0];
    expect(unnumbered.citationKey).toBe('tw:4:XII');
  });

  it.skipIf(database.skip)('checks numbers for forms and lists the kinds with their codes', async () => {
    const ok = (await s.viewer.inject({ url: `/api/v1/document-numbers/check?number=${encodeURIComponent('09/2019/nd-cp')}` })).json();
    expect(ok).toEqual({ ok: true, number: '09/2019/NĐ-CP', numbering: 'state', kind: 'nghi_dinh', problem: null });
    const bad = (await s.viewer.inject({ url: '/api/v1/document-numbers/check?number=05-CT', headers: { 'accept-language': 'en' } })).json();
    expect(bad).toMatchObject({ ok: false, problem: { part: 'separator', message: expect.stringMatching(/missing "\/"/) } });
    const kinds = (await s.viewer.inject({ url: '/api/v1/document-kinds' })).json();
    expect(kinds).toContainEqual({ code: 'quy_dinh', nameVi: 'Quy định', nameEn: 'Regulation', partyCode: 'QĐi', stateCode: 'QyĐ' });
    expect((await t.app.inject({ url: '/api/v1/document-kinds' })).statusCode).toBe(401);
  });

  it.skipIf(database.skip)('edits a number into canonical form and keeps it unique', async () => {
    const id = await registerDocument(s.propaganda, { kind: 'huong_dan', number: '49-hd/btgtu', issuerUnitId: t.tree.propaganda, issuedOn: '2021-03-01', title: 'Hướng dẫn sinh hoạt chuyên đề' });
    const res = await s.propaganda.inject({ method: 'PATCH', url: `/api/v1/documents/${id}`, payload: { number: '50 - HD/BTGTU' } });
    expect(res.json().number).toBe('50-HD/BTGTU');
    const clash = await s.propaganda.inject({ method: 'PATCH', url: `/api/v1/documents/${id}`, payload: { number: '15-KH/QU', kind: 'ke_hoach' } });
    expect(clash.statusCode).toBe(409);
    expect((await s.propaganda.inject({ url: `/api/v1/documents/${id}` })).json().number).toBe('50-HD/BTGTU');
    const entries = await audit.list(t.handle.db, { kind: 'system', name: 'test' }, { entity: 'document', entityId: String(id), limit: 5 });
    expect(entries[0]).toMatchObject({ action: 'update', before: { number: '49-HD/BTGTU' }, after: { number: '50-HD/BTGTU' } });
  });

  it.skipIf(database.skip)('answers every route 401 without a session and 400 on malformed ids, writing nothing', async () => {
    const before = await countRows(t, 'documents');
    // Bodies that pass validation, so that the missing session is what answers.
    const valid = { kind: 'chi_thi', number: '08-CT/TW', issuerName: 'Bộ Chính trị', title: 'x' };
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/v1/documents'], ['POST', '/api/v1/documents', valid], ['GET', '/api/v1/document-kinds'],
      ['GET', '/api/v1/document-numbers/check?number=05-CT/TW'], ['GET', `/api/v1/documents/${directiveId}`],
      ['PATCH', `/api/v1/documents/${directiveId}`, { title: 'x' }], ['DELETE', `/api/v1/documents/${directiveId}`],
      ['GET', `/api/v1/documents/${directiveId}/chain`], ['POST', `/api/v1/documents/${directiveId}/links`, { kind: 'related', toDocumentId: 1 }],
      ['DELETE', `/api/v1/documents/${directiveId}/links/1`], ['GET', `/api/v1/documents/${directiveId}/attachments/1`],
      ['DELETE', `/api/v1/documents/${directiveId}/attachments/1`], ['POST', '/api/v1/citations/extract', { text: 'Chỉ thị số 05-CT/TW' }],
      ['POST', '/api/v1/documents/from-citations', { items: [{ action: 'create', document: valid }] }],
    ];
    for (const [method, url, payload] of routes) {
      const res = await t.app.inject({ method: method as 'GET', url, ...(payload === undefined ? {} : { payload: payload as object }) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    const malformed: Array<[string, string, string]> = [
      ['GET', '/api/v1/documents/abc', 'id'], ['DELETE', '/api/v1/documents/0', 'id'], ['GET', '/api/v1/documents/-1/chain', 'id'],
      ['DELETE', `/api/v1/documents/${directiveId}/links/x`, 'linkId'], ['GET', `/api/v1/documents/${directiveId}/attachments/1.5`, 'fileId'],
      ['DELETE', `/api/v1/documents/${directiveId}/attachments/99999999999`, 'fileId'],
      ['GET', `/api/v1/document-numbers/check?number=${'9'.repeat(101)}`, 'number'],
    ];
    for (const [method, url, field] of malformed) {
      const res = await s.admin.inject({ method: method as 'GET', url });
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(errorOf(res).message, `${method} ${url}`).toContain(`${field}:`);
    }
    expect((await s.admin.inject({ method: 'DELETE', url: `/api/v1/documents/${directiveId}/attachments/123456` })).statusCode).toBe(404);
    expect(await countRows(t, 'documents')).toBe(before);
  });
});
