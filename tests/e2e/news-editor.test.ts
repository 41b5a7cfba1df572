/**
 * The news editor in the staff app, in Chromium on the demo: an editor writes an article with
 * the rich-text editor, uploads a cover, saves, sends it for review and publishes it; the public
 * portal then shows it; links what it reports on by picking records by name. A coordinator may
 * write but sees no publish button.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, chooseUnit, pageErrors, startE2e, type E2e } from './harness';

describe('news editor screens', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(async () => e2e?.close());

  function png(): Buffer {
    const image = new PNG({ width: 64, height: 40 });
    for (let i = 0; i < image.data.length; i += 4) image.data.set([155, 13, 13, 255], i);
    return PNG.sync.write(image);
  }

  /** The editor creates a draft through the create dialog; the page is left on its editor. */
  async function draftAsEditor(title: string, category: string): Promise<Page> {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'bientap');
    await page.goto(e2e.url('/app/news'));
    await page.getByTestId('create-article').click();
    const form = page.getByTestId('create-article-form');
    await form.getByLabel('Tiêu đề').fill(title);
    await chooseOption(page, form.getByTestId('article-category'), category);
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL(/\/app\/news\/\d+$/);
    return page;
  }

  it('writes, illustrates, reviews and publishes an article that then appears on the portal', async () => {
    const page = await draftAsEditor('Chi bộ Trường THCS Hoàng Diệu ra mắt tủ sách Bác Hồ', 'Tin cơ sở');
    const body = page.locator('.news-editor-content');
    await body.click();
    await page.keyboard.type('Tủ sách gồm hơn 200 đầu sách về cuộc đời và sự nghiệp của Bác.');
    await page.getByTestId('body-image-input').setInputFiles({ name: 'trong-bai.png', mimeType: 'image/png', buffer: png() });
    await page.getByTestId('image-alt').fill('Góc đọc sách của lớp 8A');
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await body.locator('img').waitFor();
    await page.getByTestId('cover-input').setInputFiles({ name: 'tu-sach.png', mimeType: 'image/png', buffer: png() });
    await page.locator('img.news-cover-preview').waitFor();
    await page.getByLabel('Chú thích ảnh').fill('Học sinh đọc sách tại tủ sách Bác Hồ (ảnh minh họa).');
    await page.getByLabel('Mô tả ảnh cho người khiếm thị').fill('Học sinh đọc sách bên tủ sách');
    await page.getByLabel('Tác giả').fill('Thu Trang');
    await page.getByTestId('save-article').click();
    await page.getByText('Đã lưu phiên bản 2').waitFor();

    await page.getByTestId('workflow-submit').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByText('Đã gửi duyệt').waitFor();
    await page.getByTestId('workflow-publish').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xuất bản' }).click();
    await page.getByText('Đã xuất bản', { exact: true }).first().waitFor();

    const res = await fetch(e2e.url('/tin-tuc/chi-bo-truong-thcs-hoang-dieu-ra-mat-tu-sach-bac-ho'), { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Tủ sách gồm hơn 200 đầu sách về cuộc đời và sự nghiệp của Bác.');
    expect(html).toContain('Học sinh đọc sách tại tủ sách Bác Hồ (ảnh minh họa).');
    expect(html).toMatch(/<img src="\/anh\/\d+" alt="Học sinh đọc sách bên tủ sách">/);
    expect(html).toContain('Thu Trang');
    expect(html).toMatch(/<img src="\/anh\/\d+" alt="Góc đọc sách của lớp 8A" loading="lazy" \/>/);
    expect(pageErrors(page)).toEqual([]);
  });

  it('links an article to a task and an event picked by name, not by id', async () => {
    const page = await draftAsEditor('Kiểm tra việc học tập và làm theo Bác tại các quận ủy', 'Chỉ đạo, triển khai');
    const articleId = Number(new URL(page.url()).pathname.split('/').pop());
    page.setDefaultTimeout(8000);

    await page.getByRole('button', { name: 'Thêm liên kết' }).click();
    // Kinds are picked by their exact title: an open task list may hold "… sự kiện" too.
    const chooseKind = async (row: number, kind: string) => {
      await page.getByTestId('link-kind').nth(row).click();
      await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${kind}"]`).click();
    };
    await chooseKind(0, 'Nhiệm vụ');
    await page.getByTestId('link-task-plan').click();
    await page.keyboard.type('12-kh/tu');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '12-KH/TU' }).first().click();
    await chooseOption(page, page.getByTestId('link-target').first(), 'Kiểm tra, giám sát');

    await page.getByRole('button', { name: 'Thêm liên kết' }).click();
    await chooseKind(1, 'Sự kiện');
    await page.getByTestId('link-target').nth(1).click();
    await page.keyboard.type('le ky niem 75 nam');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'Lễ kỷ niệm 75 năm' }).first().click();
    await page.getByTestId('save-article').click();
    await page.getByText('Đã lưu phiên bản 2').waitFor();

    const saved = await page.evaluate(async (id) => (await fetch(`/api/v1/news/articles/${id}`)).json(), articleId);
    expect(saved.links).toEqual([
      expect.objectContaining({ kind: 'task', resolved: true, title: expect.stringMatching(/^6\. Kiểm tra, giám sát — .+ \(số 12-KH\/TU\)$/) }),
      expect.objectContaining({ kind: 'event', resolved: true, title: expect.stringContaining('Lễ kỷ niệm 75 năm') }),
    ]);
    // Reopened, the editor shows each link by its title.
    await page.reload();
    await page.getByText('6. Kiểm tra, giám sát —', { exact: false }).first().waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it('adds a category that the public portal then lists', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'bientap');
    await page.goto(e2e.url('/app/news/categories'));
    await page.getByTestId('create-category').click();
    const form = page.getByTestId('category-form');
    await form.getByLabel('Tên chuyên mục').fill('Hỏi đáp');
    await chooseUnit(page, form.locator('.ant-select'), 'thanh uy hai phong', 'Thành ủy Hải Phòng');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('cell', { name: 'hoi-dap' }).waitFor();
    const home = await (await fetch(e2e.url('/'), { headers: { accept: 'text/html' } })).text();
    expect(home).toContain('<a href="/chuyen-muc/hoi-dap">Hỏi đáp</a>');
    expect(pageErrors(page)).toEqual([]);
  });

  it('lets a coordinator write and submit, but not publish', async () => {
    const page = await e2e.newPage();
    await e2e.loginAs(page, 'tuyengiao');
    await page.goto(e2e.url('/app/news'));
    await page.getByRole('tab', { name: /Chờ duyệt/ }).click();
    await page.getByRole('link', { name: 'Chi bộ khu dân cư đăng ký việc làm theo Bác năm 2022' }).click();
    await page.getByTestId('article-form').waitFor();
    expect(await page.getByTestId('workflow-publish').count()).toBe(0);
    expect(await page.getByTestId('save-article').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});
