import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { SYSTEM_CLI } from '../../core/actor';
import type { DbHandle } from '../../db/connection';
import { loadDemo } from '../../demo';
import { testDatabases } from '../../test/databases';
import { docxConversionUnavailable, docxToText, squashSpaces } from '../../test/docx-text';
import { login, makeUser, type Session } from '../../test/fixtures';
import { findUnitByCode } from '../orgs/orgs.repository';
import * as orgs from '../orgs/orgs.service';
import { exportPlanDocx } from './plan-export.service';

const databases = await testDatabases();
const noOffice = await docxConversionUnavailable();

describe.each(databases)('the plan as an official DOCX on $name', (database) => {
  let handle: DbHandle;
  let app: FastifyInstance;
  let dataDir: string;
  const s: Record<string, Session> = {};
  let cityPlanId: number;
  const id = async (code: string) => (await findUnitByCode(handle.db, code))!.id;
  const planOf = async (session: Session, code: string) =>
    (await session.inject({ url: `/api/v1/plans?issuer=${await id(code)}&year=2021` })).json().items[0] as { id: number; status: string };

  beforeAll(async () => {
    if (database.skip) return;
    handle = await database.open();
    await loadDemo(handle.db, { log: () => undefined });
    // A province outside the tree, with a leader who must not read Hai Phong's plans.
    await handle.db.transaction().execute(async (tx) => {
      const other = await orgs.createUnit(tx, SYSTEM_CLI, { code: 'TU-KHAC', name: 'Tỉnh ủy Khác', kind: 'thanh_uy', parentId: null, hierarchy: 'party', validFrom: '2020-01-01' });
      await makeUser(tx, 'tinhkhac', other.id, [{ role: 'leader', unitId: other.id }]);
    });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-plan-docx-'));
    app = await buildApp({ handle, config: loadConfig({ WEB_DIST: '/nonexistent', DATA_DIR: dataDir }) });
    await app.ready();
    for (const name of ['xem', 'lechan']) s[name] = await login(app, name, 'lamtheo-demo');
    s.tinhkhac = await login(app, 'tinhkhac', 'mat-khau-thu-nghiem-1');
    cityPlanId = (await planOf(s.xem, 'TU-HP')).id;
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(database.skip || noOffice)('prints the city plan: header, number, place-date line, the six task groups, Nơi nhận', async () => {
    const res = await s.lechan.inject({ url: `/api/v1/plans/${cityPlanId}/export.docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(res.headers['content-disposition'])).toContain('filename="Ke-hoach-12-KH-TU.docx"');
    const text = squashSpaces(await docxToText(res.rawPayload));
    for (const expected of [
      'THÀNH ỦY HẢI PHÒNG', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 12-KH/TU', 'Hải Phòng, ngày 24 tháng 02 năm 2021', 'KẾ HOẠCH',
      'I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', '2. Yêu cầu', 'II. NHIỆM VỤ TRỌNG TÂM',
      '1. Đưa nội dung học tập', '2. Sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW', '3. Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh',
      '4. Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị gắn với Nghị quyết', '5. Công tác tuyên truyền', '6. Kiểm tra, giám sát',
      'Chủ trì: Ban Tuyên giáo Thành ủy', 'III. TỔ CHỨC THỰC HIỆN', 'Nơi nhận:', '- Lưu Văn phòng Thành ủy.',
      'T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ THƯỜNG TRỰC', 'Lê Quang Vinh',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toMatch(/Thực hiện Chỉ thị số 05-CT\/TW, ngày 15\/05\/2016 của Bộ Chính trị/);
    expect(text).not.toContain('7. ');
  });

  it.skipIf(database.skip || noOffice)('prints a district plan under its superior, and a draft with blank number and date', async () => {
    const leChan = await planOf(s.lechan, 'DU-305');
    const text = squashSpaces(await docxToText((await s.lechan.inject({ url: `/api/v1/plans/${leChan.id}/export.docx` })).rawPayload));
    expect(text).toContain('THÀNH ỦY HẢI PHÒNG');
    expect(text).toContain('QUẬN ỦY LÊ CHÂN');
    expect(text).toContain('Số 18-KH/QU');
    expect(text).toContain('Lê Chân, ngày 15 tháng 03 năm 2021');
    expect(text).toMatch(/Nhân rộng mô hình sinh hoạt chuyên đề/);

    const draft = (await handle.db.selectFrom('plans').select('id').where('issuer_unit_id', '=', await id('DU-306')).executeTakeFirstOrThrow()).id;
    const draftText = squashSpaces(await docxToText((await exportPlanDocx(handle.db, SYSTEM_CLI, draft)).bytes));
    expect(draftText).toContain('QUẬN ỦY HẢI AN');
    expect(draftText).toContain('Số -KH');
    expect(draftText).toContain('Hải Phòng, ngày tháng năm 2021');
  });

  it.skipIf(database.skip)('exports only what the reader may see', async () => {
    expect((await s.tinhkhac.inject({ url: `/api/v1/plans/${cityPlanId}/export.docx` })).statusCode).toBe(403);
    const draft = (await handle.db.selectFrom('plans').select('id').where('issuer_unit_id', '=', await id('DU-306')).executeTakeFirstOrThrow()).id;
    expect((await s.xem.inject({ url: `/api/v1/plans/${draft}/export.docx` })).statusCode).toBe(403);
    expect((await s.xem.inject({ url: `/api/v1/plans/${cityPlanId}/export.docx?version=7` })).statusCode).toBe(404);
    expect((await s.xem.inject({ url: `/api/v1/plans/${cityPlanId}/export.docx?version=x` })).statusCode).toBe(400);
  });
});
