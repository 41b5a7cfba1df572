/**
 * The review chain in a real browser, on the demo: Lê Chân submits its yearly report, the city's
 * propaganda department returns it with a comment, Lê Chân corrects and resubmits, the department
 * accepts it, and the consolidated report of the city downloads as DOCX with Lê Chân in it.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxConversionUnavailable, docxToText, squashSpaces } from '../../src/test/docx-text';
import { hasHorizontalOverflow, pageErrors, startE2e, type E2e } from './harness';

let e2e: E2e;
const noSoffice = await docxConversionUnavailable();

beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => e2e?.close());

async function reportOf(code: string, period: string) {
  const unit = await e2e.unitId(code);
  return e2e.handle.db.selectFrom('reports').selectAll().where('unit_id', '=', unit).where('period_key', '=', period).executeTakeFirstOrThrow();
}

const status = (page: Page) => page.getByTestId('report-status');

describe('reports in the browser', { timeout: 120_000 }, () => {
  it('a district submits, the city returns it, the district resubmits, the city accepts, and the consolidated DOCX downloads', async () => {
    const draft = await reportOf('DU-305', '2021');
    expect(draft.status).toBe('draft');

    // Lê Chân opens its yearly report from the list of its schedules.
    const district = await e2e.newPage();
    await e2e.loginAs(district, 'lechan');
    await district.goto(e2e.url(`/app/reports/${draft.id}`));
    await district.getByRole('heading', { name: 'Quận ủy Lê Chân — Năm 2021' }).waitFor();
    // Its wards' accepted figures sit beside its own; the compiled narrative offers their excerpts.
    await district.getByTestId('compiled-results').getByText('Điểm nổi bật').first().waitFor();
    await district.getByTestId('submit').click();
    await district.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect.poll(async () => status(district).textContent(), { timeout: 20_000 }).toBe('Đã gửi, chờ xem xét');
    expect(await hasHorizontalOverflow(district)).toBe(false);

    // The propaganda department finds it in its inbox and returns it with a comment.
    const city = await e2e.newPage();
    await e2e.loginAs(city, 'tuyengiao');
    await city.goto(e2e.url('/app/reports/inbox'));
    await city.getByTestId('inbox').getByText('Quận ủy Lê Chân').click();
    await city.getByRole('heading', { name: 'Quận ủy Lê Chân — Năm 2021' }).waitFor();
    await city.getByTestId('return').click();
    await city.getByTestId('return-comment').fill('Đề nghị bổ sung kết quả giải quyết các vấn đề đã đăng ký');
    await city.locator('#confirm-return').click();
    await expect.poll(async () => status(city).textContent(), { timeout: 20_000 }).toBe('Bị trả lại');

    // Lê Chân sees why, corrects its text and resubmits.
    await district.reload();
    await district.getByTestId('returned-notice').getByText('bổ sung kết quả giải quyết').waitFor();
    const results = district.getByTestId('narrative-results');
    await results.fill(`${await results.inputValue()}\nĐã giải quyết dứt điểm các vấn đề đăng ký về vệ sinh môi trường.`);
    await district.getByTestId('submit').click();
    await district.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect.poll(async () => status(district).textContent(), { timeout: 20_000 }).toBe('Đã gửi, chờ xem xét');

    // The department compares the two versions and accepts.
    await city.reload();
    await city.getByTestId('compare').click();
    await city.getByTestId('diff').locator('ins', { hasText: 'vệ sinh môi trường' }).waitFor();
    await city.locator('.ant-modal-close').click();
    await city.getByTestId('diff').waitFor({ state: 'hidden' });
    await city.getByTestId('accept').click();
    await expect.poll(async () => status(city).textContent(), { timeout: 20_000 }).toBe('Đã tiếp nhận');
    const after = await reportOf('DU-305', '2021');
    expect(after.status).toBe('accepted');
    const versions = await e2e.handle.db.selectFrom('report_versions').select('seq').where('report_id', '=', after.id).execute();
    expect(versions).toHaveLength(2);

    // The consolidation of the city now includes Lê Chân; its DOCX downloads.
    const tuHp = await e2e.unitId('TU-HP');
    await city.goto(e2e.url(`/app/reports/consolidation?unit=${tuHp}&schedule=${after.schedule_id}&period=2021`));
    await city.getByTestId('included').getByText('Quận ủy Lê Chân').waitFor();
    await city.getByTestId('consolidation-table').getByText('Tổng cộng').waitFor();
    const [download] = await Promise.all([city.waitForEvent('download'), city.getByTestId('consolidation-docx').click()]);
    const file = await download.path();
    const bytes = fs.readFileSync(file!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    if (!noSoffice) {
      const text = squashSpaces(await docxToText(bytes));
      expect(text).toContain('BÁO CÁO');
      expect(text).toContain('Quận ủy Lê Chân');
      expect(text).toContain('Tổng cộng');
    }
    expect(pageErrors(district)).toEqual([]);
    expect(pageErrors(city)).toEqual([]);
  });

  it('shows the then/now switch, the completeness board and the charts to a leader', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'lanhdao');
    const tuHp = await e2e.unitId('TU-HP');
    const h1 = await reportOf('DU-303', '2021-H1');
    await page.goto(e2e.url(`/app/reports/consolidation?unit=${tuHp}&schedule=${h1.schedule_id}&period=2021-H1`));
    await page.getByTestId('missing').getByText('Huyện ủy Bạch Long Vĩ').waitFor();
    await page.getByRole('tab', { name: 'Tình hình báo cáo' }).click();
    await page.getByTestId('completeness').getByText('Chậm').first().waitFor();
    await page.getByRole('tab', { name: 'Biểu đồ' }).click();
    await page.getByTestId('chart-by-unit').locator('svg').waitFor();
    await page.getByTestId('structure').getByText('Theo cơ cấu hiện nay').click();
    await page.getByText('Chuyển đổi theo sắp xếp tổ chức').waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
