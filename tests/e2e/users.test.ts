/**
 * Users and grants administration in a real browser, the account menu (API tokens, language),
 * and who may open what.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, chooseUnit, hasHorizontalOverflow, pageErrors, startE2e, type E2e } from './harness';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => e2e?.close());

const modal = (page: Page) => page.locator('.ant-modal-content');
const drawer = (page: Page) => page.locator('.ant-drawer-content');

describe('users and permissions in the browser', { timeout: 60_000 }, () => {
  it('an admin creates a user, sees field errors from the server, and grants a role', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'admin');
    await page.goto(e2e.url('/app/users'));
    await page.getByRole('heading', { name: 'Người dùng và phân quyền' }).waitFor();
    await page.locator('.ant-table-row', { hasText: 'admin' }).first().waitFor();

    await page.getByTestId('create-user').click();
    const form = modal(page);
    await form.getByLabel('Họ và tên').fill('Nguyễn Thị Thu Trang');
    await form.getByLabel('Tên đăng nhập').fill('admin');
    await form.getByLabel('Mật khẩu ban đầu').fill('ngan');
    await form.getByRole('button', { name: 'Tạo mới' }).click();
    // Checked in the browser with the contract: the unit is required.
    await form.locator('.ant-form-item-explain-error', { hasText: 'Không được để trống' }).waitFor();
    await chooseUnit(page, form.locator('.ant-select', { has: page.locator('#unitId') }), 'van phong', 'Văn phòng Thành ủy');
    await form.getByRole('button', { name: 'Tạo mới' }).click();
    // The server's answer lands on the field it names.
    await form.locator('.ant-form-item', { has: page.locator('#username') }).locator('.ant-form-item-explain-error', { hasText: 'đã có người dùng' }).waitFor();

    await form.getByLabel('Tên đăng nhập').fill('thutrang');
    await form.getByRole('button', { name: 'Tạo mới' }).click();
    await form.locator('.ant-form-item', { has: page.locator('#password') }).locator('.ant-form-item-explain-error', { hasText: 'ít nhất 10 ký tự' }).waitFor();
    await form.getByLabel('Mật khẩu ban đầu').fill('Hai-Phong-2026-an-toan');
    await form.getByRole('button', { name: 'Tạo mới' }).click();

    // The new account opens at once, without roles, ready for a grant.
    const panel = drawer(page);
    await panel.getByText('Chưa được cấp quyền nào').waitFor();
    await chooseOption(page, panel.locator('.ant-select', { has: page.locator('#role') }), 'Cán bộ báo cáo');
    await chooseUnit(page, panel.locator('.ant-select', { has: page.locator('#unitId') }).first(), 'ban to chuc', 'Ban Tổ chức Thành ủy');
    await panel.getByRole('button', { name: 'Cấp quyền' }).click();
    await panel.locator('[data-testid="grants"]').getByText('Ban Tổ chức Thành ủy').waitFor();
    await panel.locator('[data-testid="grants"]').getByText('Cán bộ báo cáo').waitFor();

    const user = await e2e.handle.db.selectFrom('users').select(['id', 'display_name', 'unit_id']).where('username', '=', 'thutrang').executeTakeFirstOrThrow();
    expect(user.display_name).toBe('Nguyễn Thị Thu Trang');
    expect(user.unit_id).toBe(await e2e.unitId('TU-HP-VP'));
    const grants = await e2e.handle.db.selectFrom('grants').select(['role', 'unit_id', 'hierarchy']).where('user_id', '=', user.id).execute();
    expect(grants).toEqual([{ role: 'reporter', unit_id: await e2e.unitId('TU-HP-BTC'), hierarchy: 'party' }]);

    // The list shows the new account with its role.
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('user-search').locator('input').or(page.locator('input[data-testid="user-search"]')).first().fill('thutrang');
    await page.locator('.ant-table-row', { hasText: 'Nguyễn Thị Thu Trang' }).getByText('Cán bộ báo cáo · Ban Tổ chức Thành ủy').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('a viewer has no users menu and gets "no access" on the page; a leader may look but not change', async () => {
    const viewer = await e2e.newPage();
    await e2e.loginAs(viewer, 'xem');
    await viewer.goto(e2e.url('/app/users'));
    await viewer.getByText('Không có quyền truy cập').waitFor();
    expect(await viewer.getByRole('menuitem', { name: 'Người dùng và phân quyền' }).count()).toBe(0);
    await viewer.context().close();

    const leader = await e2e.newPage();
    await e2e.loginAs(leader, 'lanhdao');
    await leader.goto(e2e.url('/app/users'));
    await leader.locator('.ant-table-row', { hasText: 'kiemtra' }).click();
    await drawer(leader).getByText('Bạn chỉ được xem tài khoản này.').waitFor();
    expect(await leader.getByTestId('create-user').count()).toBe(0);
    expect(await drawer(leader).getByRole('button', { name: 'Cấp quyền' }).count()).toBe(0);
    expect(pageErrors(leader)).toEqual([]);
    await leader.context().close();
  });

  it('creates an API token shown once, then revokes it; switches to English and remembers it', async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await e2e.loginAs(page, 'tuyengiao');
    await page.goto(e2e.url('/app/orgs'));
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Khóa API của tôi' }).click();
    await page.getByRole('heading', { name: 'Khóa API của tôi' }).waitFor();
    await page.getByLabel('Tên gợi nhớ').fill('Đồng bộ số liệu');
    await page.getByRole('button', { name: 'Tạo khóa' }).click();
    const secret = (await page.getByTestId('new-token').textContent())!.trim();
    expect(secret.length).toBeGreaterThan(20);
    // The token works as a bearer credential.
    const me = await page.context().request.get(e2e.url('/api/v1/me'), { headers: { Authorization: `Bearer ${secret}`, Cookie: '' } });
    expect((await me.json()).username).toBe('tuyengiao');
    await modal(page).getByRole('button', { name: 'Đóng' }).click();
    const row = page.locator('.ant-table-row', { hasText: 'Đồng bộ số liệu' });
    await row.getByText('Đang dùng').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByText('Đã thu hồi').waitFor();

    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'My API tokens' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'My API tokens' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('signs out and sends the next visit back to the login page', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'xem');
    await page.goto(e2e.url('/app/orgs'));
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/app\/login$/);
    await page.goto(e2e.url('/app/users'));
    await page.waitForURL(/\/app\/login\?next=%2Fusers/);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
