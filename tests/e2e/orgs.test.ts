/**
 * The web app in a real browser: signing in, the organization tree as of a date (the 2025
 * restructuring of Hai Phong), diacritic-insensitive search, lineage, and the phone layout.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayVn } from '../../src/core/dates';
import { DEMO_PASSWORD, hasHorizontalOverflow, pageErrors, startE2e, type E2e } from './harness';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => e2e?.close());

const children = (page: Page) => page.locator('[data-testid="children"]');
const unitName = (page: Page) => page.locator('[data-testid="unit-name"]');

/** Type a date in the "Ngày hiệu lực" picker, as a person would. */
async function setEffectiveDate(page: Page, ddmmyyyy: string) {
  const input = page.locator('.orgs-toolbar .ant-picker input');
  await input.click();
  await input.fill(ddmmyyyy);
  await input.press('Enter');
  await page.waitForURL((url) => {
    const [d, m, y] = ddmmyyyy.split('/');
    const iso = `${y}-${m}-${d}`;
    return iso === todayVn() ? !url.searchParams.has('d') : url.searchParams.get('d') === iso;
  });
}

describe('organization structure in the browser', { timeout: 60_000 }, () => {
  it('signs in through the login page, refuses a wrong password, and lands on the tree', async () => {
    const page = await e2e.newPage();
    await page.goto(e2e.url('/app/orgs'));
    await page.waitForURL(/\/app\/login\?next=%2Forgs/);
    await page.getByLabel('Tên đăng nhập').fill('xem');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-roi');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sai tên đăng nhập hoặc mật khẩu' }).waitFor();

    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/app\/orgs$/);
    await page.getByRole('heading', { name: 'Cơ cấu tổ chức' }).waitFor();
    await page.locator('.org-tree [data-unit-code="TU-HP"]').waitFor();
    // A viewer does not see the administration menu.
    await page.getByRole('menuitem', { name: 'Cơ cấu tổ chức' }).waitFor();
    expect(await page.getByRole('menuitem', { name: 'Người dùng và phân quyền' }).count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('browses the tree and opens a unit, with its name history and parents', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'xem');
    await page.goto(e2e.url('/app/orgs?d=2021-06-30'));
    await page.locator('.org-tree [data-unit-code="DU-305"]').click();
    await expect.poll(() => unitName(page).textContent()).toBe('Quận ủy Lê Chân');
    expect(new URL(page.url()).searchParams.get('u')).toBe(String(await e2e.unitId('DU-305')));
    // Its wards, as they were in 2021.
    await children(page).locator('[data-unit-code="XP-11404"]').waitFor();
    // Expanding the node in the tree shows the same wards.
    await page.locator('.org-tree .ant-tree-treenode', { has: page.locator('[data-unit-code="DU-305"]') }).locator('.ant-tree-switcher').click();
    await page.locator('.org-tree [data-unit-code="XP-11404"]').waitFor();
    // History: the unit ceased on 01/07/2025.
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    await page.getByText('Lịch sử tên gọi').waitFor();
    await page.getByText('Quá trình trực thuộc').waitFor();
    await page.locator('[data-testid="unit-detail"]').getByText('01/07/2025').first().waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('finds units without diacritics: "do son" finds Đồ Sơn, "dang uy" finds Đảng ủy', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'xem');
    await page.goto(e2e.url('/app/orgs?d=2021-06-30'));
    const search = page.locator('[data-testid="org-search"] input, input[data-testid="org-search"]').first();
    await search.fill('do son');
    const marks = page.locator('.org-tree mark.match');
    await expect.poll(() => marks.allTextContents()).toContain('Đồ Sơn');
    await page.locator('.org-tree [data-unit-code="DU-308"]').waitFor();
    await expect.poll(() => page.getByTestId('tree-summary').textContent()).toMatch(/^\d+ đơn vị phù hợp$/);

    await search.fill('dang uy');
    await expect.poll(async () => (await marks.allTextContents()).filter((t) => t === 'Đảng ủy').length).toBeGreaterThan(0);
    // Every highlighted part is made of the query's words once diacritics are folded.
    const folded = (await marks.allTextContents()).map((t) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase());
    expect(folded.length).toBeGreaterThan(0);
    expect(folded.filter((t) => !['dang uy', 'dang', 'uy'].includes(t))).toEqual([]);

    await search.fill('khong co don vi nao ten nhu the nay');
    await page.getByText('Không có đơn vị nào phù hợp').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the 2025 restructuring: 15 district committees under Thành ủy Hải Phòng in 2021, none today', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'xem');
    const city = await e2e.unitId('TU-HP');
    await page.goto(e2e.url(`/app/orgs?u=${city}`));
    await expect.poll(() => unitName(page).textContent()).toBe('Thành ủy Hải Phòng');

    await setEffectiveDate(page, '30/06/2021');
    const districts = children(page).locator('[data-unit-code^="DU-"]');
    await expect.poll(() => districts.count()).toBe(15);
    expect(await children(page).locator('[data-unit-code^="XP25-"]').count()).toBe(0);

    const [y, m, d] = todayVn().split('-');
    await setEffectiveDate(page, `${d}/${m}/${y}`);
    await expect.poll(() => children(page).locator('[data-unit-code^="XP25-"]').count()).toBeGreaterThan(0);
    expect(await districts.count()).toBe(0);
    // The merged department exists today, not in 2021.
    await children(page).locator('[data-unit-code="TU-HP-BTGDV"]').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("follows a unit's lineage: a 2021 ward to the commune that carries it on, and back", async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'xem');
    const ward = await e2e.unitId('XP-11404');
    await page.goto(e2e.url(`/app/orgs?d=2021-06-30&u=${ward}`));
    const wardName = (await unitName(page).textContent())!;
    await page.getByRole('tab', { name: /Tiền thân, kế thừa/ }).click();
    const lineage = page.locator('[data-testid="lineage"]');
    await lineage.getByText('Đơn vị kế thừa').waitFor();
    const successor = lineage.locator('[data-testid="lineage-event"]', { hasText: '01/07/2025' }).locator('a').first();
    const successorName = (await successor.textContent())!;
    await successor.click();
    await expect.poll(() => unitName(page).textContent()).toBe(successorName);
    expect(new URL(page.url()).searchParams.get('d')).toBe('2025-07-01');
    await page.locator('[data-testid="unit-detail"] .mono', { hasText: /^XP25-/ }).waitFor();
    // From the new commune, the lineage leads back to the 2021 ward.
    await page.getByRole('tab', { name: /Tiền thân, kế thừa/ }).click();
    await page.locator('[data-testid="formed-from"]').getByText(wardName).click();
    await expect.poll(() => unitName(page).textContent()).toBe(wardName);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('an admin renames a unit from a date; the old name stays in its history', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'admin');
    const unitId = await e2e.unitId('TU-HP-BNC');
    await page.goto(e2e.url(`/app/orgs?u=${unitId}`));
    await expect.poll(() => unitName(page).textContent()).toBe('Ban Nội chính Thành ủy');
    await page.getByTestId('action-rename').click();
    const form = page.locator('.ant-modal-content');
    await form.getByLabel('Tên mới').fill('');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await form.locator('.ant-form-item-explain-error', { hasText: 'không được để trống' }).waitFor();
    await form.getByLabel('Tên mới').fill('Ban Nội chính Thành ủy Hải Phòng');
    await form.getByLabel('Căn cứ / ghi chú').fill('Quyết định số 01-QĐ/TU');
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect.poll(() => unitName(page).textContent()).toBe('Ban Nội chính Thành ủy Hải Phòng');
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    const names = page.locator('[data-testid="name-history"]');
    // Newest first: the new name from today, then the old one until yesterday.
    await expect.poll(() => names.locator('.ant-table-row').count()).toBe(2);
    expect(await names.locator('.ant-table-row').nth(0).locator('td').first().textContent()).toMatch(/^Ban Nội chính Thành ủy Hải Phòng/);
    expect(await names.locator('.ant-table-row').nth(1).locator('td').first().textContent()).toMatch(/^Ban Nội chính Thành ủy(?! Hải Phòng)/);
    const versions = await e2e.handle.db.selectFrom('org_unit_versions').select(['name', 'valid_to']).where('unit_id', '=', unitId).orderBy('valid_from').execute();
    expect(versions.map((v) => v.name)).toEqual(['Ban Nội chính Thành ủy', 'Ban Nội chính Thành ủy Hải Phòng']);
    expect(versions[0].valid_to).toBe(todayVn());
    // A viewer sees the same unit without the restructuring buttons.
    const viewer = await e2e.newPage();
    await e2e.loginAs(viewer, 'xem');
    await viewer.goto(e2e.url(`/app/orgs?u=${unitId}`));
    await expect.poll(() => unitName(viewer).textContent()).toBe('Ban Nội chính Thành ủy Hải Phòng');
    expect(await viewer.getByTestId('action-rename').count()).toBe(0);
    expect([...pageErrors(page), ...pageErrors(viewer)]).toEqual([]);
    await viewer.context().close();
    await page.context().close();
  });

  it('fits a 390 px phone: no sideways scrolling, menu in a drawer, unit detail in a drawer', async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await e2e.loginAs(page, 'admin');
    await page.goto(e2e.url('/app/orgs?d=2021-06-30'));
    await page.locator('.org-tree [data-unit-code="TU-HP"]').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);

    await page.locator('.org-tree [data-unit-code="DU-305"]').click();
    await expect.poll(() => unitName(page).textContent()).toBe('Quận ủy Lê Chân');
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    await page.getByText('Lịch sử tên gọi').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await page.getByRole('button', { name: 'Close' }).or(page.locator('.ant-drawer-close')).first().click();

    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('menuitem', { name: 'Người dùng và phân quyền' }).click();
    await page.getByRole('heading', { name: 'Người dùng và phân quyền' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
