/**
 * The document registry in a real browser: the citation-extraction box (pasted text and an
 * uploaded DOCX, saving new entries and links in one go), the registry search, a document's
 * chain level by level, and who may change what.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraph } from '../../src/output/party-document';
import { renderPartyDocx } from '../../src/output/party-docx';
import { hasHorizontalOverflow, pageErrors, startE2e, type E2e } from './harness';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => e2e?.close());

const TEXT = 'Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị và Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị '
  + 'về tiếp tục thực hiện Chỉ thị số 05-CT/TW; gắn với Nghị quyết Trung ương 4 (khóa XII) và các nghị quyết, chỉ thị của Đảng.';

const row = (page: import('playwright-core').Page, text: string) => page.locator('[data-testid="citation-row"]', { hasText: text });

describe('document registry in the browser', { timeout: 90_000 }, () => {
  it('extracts the citations of a pasted text, links the known ones and registers the new one', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'tuyengiao');
    await page.goto(e2e.url('/app/documents/extract'));
    await page.getByRole('heading', { name: 'Trích xuất văn bản được trích dẫn' }).waitFor();
    await page.getByTestId('citation-text').fill(TEXT);
    await page.getByTestId('run-extract').click();
    await page.getByText('Tìm thấy 3 văn bản được trích dẫn').waitFor();
    // Each document once; the generic "các nghị quyết, chỉ thị của Đảng" is not one.
    expect(await page.getByTestId('citation-row').count()).toBe(3);
    await row(page, 'Chỉ thị 05-CT/TW').getByText('Đã có', { exact: true }).waitFor();
    await row(page, 'Nghị quyết Trung ương 4 (khóa XII)').getByText('Đã có', { exact: true }).waitFor();
    await row(page, 'Kết luận 01-KL/TW').getByText('Chưa có', { exact: true }).waitFor();
    await row(page, 'Kết luận 01-KL/TW').getByText('18/05/2021').waitFor();
    // The new one is offered for registration with the title the text gives.
    await expect.poll(() => row(page, 'Kết luận 01-KL/TW').getByLabel('Trích yếu khi đăng ký').inputValue())
      .toBe('Về tiếp tục thực hiện Chỉ thị số 05-CT/TW');
    await page.getByTestId('save-citations').click();
    await page.getByTestId('citations-saved').getByText('1 văn bản mới, 2 văn bản đã có').waitFor();
    await row(page, 'Kết luận 01-KL/TW').getByText('Đã có', { exact: true }).waitFor();

    const saved = await e2e.handle.db.selectFrom('documents').select(['kind', 'issuer_name', 'issued_on', 'title'])
      .where('number_text', '=', '01-KL/TW').executeTakeFirstOrThrow();
    expect(saved).toEqual({ kind: 'ket_luan', issuer_name: 'Bộ Chính trị', issued_on: '2021-05-18', title: 'Về tiếp tục thực hiện Chỉ thị số 05-CT/TW' });
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('fits a phone: the extraction box without sideways scrolling', async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await e2e.loginAs(page, 'tuyengiao');
    await page.goto(e2e.url('/app/documents/extract'));
    await page.getByTestId('citation-text').fill(TEXT);
    await page.getByTestId('run-extract').click();
    await page.getByTestId('citation-row').first().waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('reads an uploaded DOCX', async () => {
    const docx = await renderPartyDocx({
      superior: 'Đảng bộ thành phố Hải Phòng', issuer: 'Ban Tuyên giáo Thành ủy', number: null, numberSuffix: 'BC/BTGTU', place: 'Hải Phòng',
      date: null, draftYear: 2021, kind: 'Báo cáo', subject: 'kết quả 6 tháng đầu năm 2021',
      body: [paragraph('Các cơ quan triển khai Chỉ thị số 27/CT-TTg, ngày 8/9/2016 của Thủ tướng Chính phủ và Nghị quyết số 45-NQ/TW của Bộ Chính trị.')],
      recipients: ['Lưu'], signature: { position: 'Trưởng ban' },
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-e2e-docx-')), 'bao-cao.docx');
    fs.writeFileSync(file, docx);
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'xem');
    await page.goto(e2e.url('/app/documents/extract'));
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('Đã đọc tệp bao-cao.docx').waitFor();
    await page.getByText('Tìm thấy 2 văn bản được trích dẫn').waitFor();
    await row(page, 'Chỉ thị 27/CT-TTg').getByText('Thủ tướng Chính phủ', { exact: true }).waitFor();
    await row(page, 'Nghị quyết 45-NQ/TW').getByText('Đã có', { exact: true }).waitFor();
    // A viewer reads but cannot save to the registry.
    expect(await page.getByTestId('save-citations').count()).toBe(0);
    expect(await page.getByTestId('citation-text').inputValue()).toContain('Chỉ thị số 27/CT-TTg');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('searches the registry without diacritics and shows a document chain level by level', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'xem');
    await page.goto(e2e.url('/app/documents'));
    await page.getByRole('heading', { name: 'Sổ văn bản' }).waitFor();
    await page.getByTestId('document-search').fill('ke hoach thuc hien chi thi');
    await page.locator('.ant-table-row', { hasText: '32-KH/TU' }).click();
    await page.getByRole('heading', { name: 'Kế hoạch 32-KH/TU' }).waitFor();
    const chain = page.getByTestId('document-chain');
    await chain.getByText('Cấp trên 1').waitFor();
    // Level by level: what 32-KH/TU implements above it, then the document itself.
    await expect.poll(() => chain.innerText()).toMatch(/Cấp trên 1[\s\S]*05-CT\/TW[\s\S]*03-KH\/TW[\s\S]*Văn bản này[\s\S]*32-KH\/TU/);
    await page.getByTestId('document-links').getByRole('link', { name: '03-KH/TW' }).waitFor();
    // A viewer sees no editing controls.
    expect(await page.getByTestId('edit-document').count()).toBe(0);
    expect(await page.getByTestId('add-link').count()).toBe(0);
    await chain.getByRole('link', { name: /^05-CT\/TW/ }).click();
    await page.getByRole('heading', { name: 'Chỉ thị 05-CT/TW' }).waitFor();
    await page.getByTestId('document-chain').getByText('Cấp dưới 1').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();

    // The registry and a document's page fit a phone.
    const phone = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await e2e.loginAs(phone, 'xem');
    await phone.goto(e2e.url('/app/documents'));
    await phone.locator('.ant-table-row', { hasText: '32-KH/TU' }).waitFor();
    expect(await hasHorizontalOverflow(phone)).toBe(false);
    await phone.locator('.ant-table-row', { hasText: '32-KH/TU' }).click();
    await phone.getByTestId('document-chain').getByText('Cấp trên 1').waitFor();
    expect(await hasHorizontalOverflow(phone)).toBe(false);
    expect(pageErrors(phone)).toEqual([]);
    await phone.context().close();
  });
});
