/**
 * The cascade in a real browser: the city's leader drafts a plan with a task tree and a unit
 * that must concretize it, issues it; Lê Chân's officer concretizes it and registers an issue
 * under it; the leader approves the registration. Checked on screen and in the database.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseUnit, hasHorizontalOverflow, pageErrors, startE2e, type E2e } from './harness';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e();
});
afterAll(async () => e2e?.close());

const modal = (page: Page) => page.locator('.ant-modal-content:visible');

/** Type a date into an antd DatePicker and leave the field (Enter would submit the form). */
async function typeDate(page: Page, input: ReturnType<Page['locator']>, date: string) {
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' }).catch(() => undefined);
}

describe('plans in the browser', { timeout: 120_000 }, () => {
  let planId: number;

  it('a city leader drafts a plan with a task tree, sees field errors, and issues it', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'lanhdao');
    await page.goto(e2e.url('/app/plans'));
    await page.getByRole('heading', { name: 'Kế hoạch' }).waitFor();
    await page.getByTestId('create-plan').click();
    const editor = page.getByTestId('plan-editor');
    await editor.waitFor();

    // Saving an empty title is refused in the browser, with the contract's words.
    await page.getByTestId('plan-save').click();
    await editor.locator('.ant-form-item', { has: page.locator('#title') }).locator('.ant-form-item-explain-error').first().waitFor();

    await editor.locator('#year').fill('2021');
    await editor.locator('#title').fill('Kế hoạch kiểm tra việc học tập và làm theo Bác năm 2021');
    await editor.locator('#issuingBody').fill('Ban Thường vụ Thành ủy');
    await editor.locator('#place').fill('Hải Phòng');
    await editor.locator('#purposes_0').fill('Đánh giá đúng thực chất việc học tập và làm theo Bác ở cơ sở.');
    await editor.locator('#requirements_0').fill('Kiểm tra gắn với nhiệm vụ chính trị của từng đơn vị.');
    await editor.locator('#taskGroups_0_title').fill('Kiểm tra tại các quận ủy');
    await editor.getByRole('button', { name: 'Thêm nhiệm vụ con' }).first().click();
    await editor.locator('#taskGroups_0_tasks_0_title').fill('Kiểm tra Quận ủy Lê Chân');
    await chooseUnit(page, editor.locator('.ant-select', { has: page.locator('#taskGroups_0_tasks_0_leadUnitId') }), 'uy ban kiem tra', 'Ủy ban Kiểm tra Thành ủy');
    await chooseUnit(page, editor.locator('.ant-select', { has: page.locator('#requiredUnitIds') }), 'le chan', 'Quận ủy Lê Chân');
    await page.keyboard.press('Escape');
    await typeDate(page, editor.locator('#concretizeDueOn'), '30/04/2021');
    await page.getByTestId('plan-save').click();

    await page.getByTestId('plan-actions').waitFor();
    planId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(Number.isInteger(planId)).toBe(true);
    await page.getByTestId('plan-status').getByText('Dự thảo').waitFor();
    await page.getByTestId('plan-tasks').getByText('Kiểm tra Quận ủy Lê Chân').waitFor();
    await page.getByTestId('plan-tasks').getByText('Ủy ban Kiểm tra Thành ủy').waitFor();

    // Issue: a number that is not a plan's is refused on its field, then the right one goes through.
    await page.getByTestId('plan-issue').click();
    const dialog = modal(page);
    await dialog.locator('#number').fill('45-CT/TU');
    await typeDate(page, dialog.locator('#issuedOn'), '15/03/2021');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await dialog.locator('.ant-form-item', { has: page.locator('#number') }).locator('.ant-form-item-explain-error', { hasText: 'KH' }).waitFor();
    await dialog.locator('#number').fill('45-KH/TU');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByTestId('plan-status').getByText('Đã ban hành').waitFor();
    await page.getByTestId('plan-number').getByText('45-KH/TU').waitFor();

    const row = await e2e.handle.db.selectFrom('plans').select(['status', 'issued_on', 'issuer_unit_id']).where('id', '=', planId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'issued', issued_on: '2021-03-15', issuer_unit_id: await e2e.unitId('TU-HP') });
    expect(await hasHorizontalOverflow(page)).toBe(false);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('Lê Chân concretizes it in one action; the city sees the unit as not yet issued', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'lechan');
    await page.goto(e2e.url(`/app/plans/${planId}`));
    await page.getByTestId('plan-concretize').click();
    await modal(page).getByRole('button', { name: 'Tạo mới' }).click();
    const editor = page.getByTestId('plan-editor');
    await editor.waitFor();
    await editor.getByText('Phục vụ nhiệm vụ 1.1. Kiểm tra Quận ủy Lê Chân của kế hoạch cấp trên').waitFor();
    await editor.locator('#issuingBody').fill('Ban Thường vụ Quận ủy');
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-status').getByText('Dự thảo').waitFor();
    const child = await e2e.handle.db.selectFrom('plans').select(['id', 'issuer_unit_id', 'status']).where('parent_plan_id', '=', planId).executeTakeFirstOrThrow();
    expect(child).toMatchObject({ issuer_unit_id: await e2e.unitId('DU-305'), status: 'draft' });
    const tasks = await e2e.handle.db.selectFrom('plan_tasks').select(['parent_plan_task_id']).where('plan_id', '=', child.id).execute();
    expect(tasks.every((x) => x.parent_plan_task_id !== null)).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();

    // The draft is Lê Chân's own: the city's coverage shows the unit without a plan, overdue.
    const city = await e2e.newPage();
    await e2e.loginAs(city, 'lanhdao');
    await city.goto(e2e.url(`/app/plans/${planId}`));
    await city.getByRole('tab', { name: 'Tình hình cụ thể hóa' }).click();
    const state = city.getByTestId(`coverage-state-${await e2e.unitId('DU-305')}`);
    await state.getByText(/Quá hạn/).waitFor();
    await city.context().close();
  });

  it('Lê Chân registers an issue under the plan and the city leader approves it', async () => {
    const unit = await e2e.newPage();
    await e2e.loginAs(unit, 'lechan');
    await unit.goto(e2e.url('/app/registrations'));
    await unit.getByTestId('create-registration').click();
    const form = modal(unit);
    await form.locator('.ant-select', { has: unit.locator('#planId') }).click();
    await unit.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '45-KH/TU' }).click();
    await form.locator('#title').fill('Chấm dứt sinh hoạt chuyên đề hình thức ở chi bộ khu dân cư');
    await form.locator('#target').fill('100% chi bộ khu dân cư sinh hoạt chuyên đề có nội dung liên hệ thực tế');
    await typeDate(unit, form.locator('#deadline'), '31/12/2021');
    await form.locator('#responsiblePerson').fill('Phó Bí thư Thường trực Quận ủy');
    await form.getByRole('button', { name: 'Lưu' }).click();
    const drawer = unit.getByTestId('registration-drawer');
    await drawer.getByTestId('registration-status').getByText('Bản nháp').waitFor();
    await drawer.getByRole('button', { name: 'Gửi đăng ký' }).click();
    await drawer.getByTestId('registration-status').getByText('Chờ duyệt').waitFor();
    expect(pageErrors(unit)).toEqual([]);
    await unit.context().close();

    const leader = await e2e.newPage();
    await e2e.loginAs(leader, 'lanhdao');
    await leader.goto(e2e.url('/app/registrations'));
    await leader.getByTestId('registrations-table').locator('.ant-table-row', { hasText: 'Chấm dứt sinh hoạt chuyên đề hình thức' }).click();
    const panel = leader.getByTestId('registration-drawer');
    await panel.getByRole('button', { name: 'Duyệt' }).click();
    await modal(leader).locator('#comment').fill('Đồng ý, báo cáo kết quả hằng quý');
    await modal(leader).getByRole('button', { name: 'Xác nhận' }).click();
    await panel.getByTestId('registration-status').getByText('Đang thực hiện').waitFor();
    await panel.getByTestId('entry-approve').getByText('Đồng ý, báo cáo kết quả hằng quý').waitFor();

    const reg = await e2e.handle.db.selectFrom('registrations').select(['status', 'unit_id', 'body_unit_id', 'plan_id'])
      .where('title', '=', 'Chấm dứt sinh hoạt chuyên đề hình thức ở chi bộ khu dân cư').executeTakeFirstOrThrow();
    expect(reg).toEqual({ status: 'in_progress', unit_id: await e2e.unitId('DU-305'), body_unit_id: await e2e.unitId('TU-HP'), plan_id: planId });
    expect(pageErrors(leader)).toEqual([]);
    await leader.context().close();
  });

  it('fits a phone screen: the plan page and the registrations inbox do not scroll sideways', async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await e2e.loginAs(page, 'lechan');
    await page.goto(e2e.url(`/app/plans/${planId}`));
    await page.getByTestId('plan-actions').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await page.goto(e2e.url('/app/registrations'));
    await page.getByTestId('registrations-table').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await page.context().close();
  });
});
