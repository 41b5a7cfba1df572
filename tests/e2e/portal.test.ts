/**
 * The public portal in a real browser (Debian chromium): axe finds no serious or critical
 * accessibility problem on the home, article and search pages, and the article printed (print
 * media) shows no site header, navigation, footer, sharing or other news — only the article
 * with its QR code, which still decodes to the article's address. The pages are server-rendered,
 * so this file runs on its own small dataset (with a cover image) instead of the harness's demo.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/core/actor';
import { makeCategory, makePublished } from '../../src/modules/news/news.fixtures';
import * as news from '../../src/modules/news/news.service';
import { startTestApp, type TestApp } from '../../src/test/app';
import { testDatabases } from '../../src/test/databases';
import { decodeQrPng } from '../../src/test/qr-svg';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness';

const [sqlite] = await testDatabases();
const SHOTS = path.join(os.tmpdir(), 'lamtheo-portal-shots');

describe('public portal in chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let slug: string;

  beforeAll(async () => {
    t = await startTestApp(sqlite);
    await t.handle.db.transaction().execute(async (db) => {
      const activity = await makeCategory(db, t.tree.propaganda, 'Tin hoạt động');
      const exemplars = await makeCategory(db, t.tree.propaganda, 'Gương sáng');
      const base = { unitId: t.tree.propaganda, categoryId: activity.id, author: 'Phương Trang', source: 'Ban Tuyên giáo Thành ủy' };
      const draft = await news.createArticle(db, SYSTEM_CLI, {
        ...base, title: 'Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
        summary: 'Ban Thường vụ Thành ủy ban hành Kế hoạch thực hiện Chỉ thị số 05-CT/TW năm 2021.',
        bodyHtml: '<p>Kế hoạch đề ra 6 nhóm nhiệm vụ trọng tâm.</p><h2>Nhiệm vụ</h2><ol><li>Đưa nội dung học tập vào chương trình hành động.</li><li>Sơ kết 5 năm.</li></ol><table><caption>Tiến độ</caption><thead><tr><th scope="col">Nhóm</th><th scope="col">Kết quả</th></tr></thead><tbody><tr><td>1</td><td>Đạt</td></tr></tbody></table><blockquote><p>Nói đi đôi với làm.</p></blockquote>',
        publishAt: '2021-02-24T09:49:00+07:00', links: [],
      });
      const image = new PNG({ width: 60, height: 40 });
      image.data.fill(180);
      const cover = await news.uploadImage(db, t.app.fileStore, SYSTEM_CLI, draft.id, { bytes: PNG.sync.write(image), originalName: 'anh.png' });
      const withCover = await news.updateArticle(db, SYSTEM_CLI, draft.id, {
        version: draft.version, coverFileId: cover.fileId, coverCaption: 'Chuyên đề “Hồ Chí Minh – đẹp nhất tên Người” của Trường THCS Hoàng Diệu (ảnh tư liệu).',
        coverAlt: 'Học sinh Trường THCS Hoàng Diệu trình bày chuyên đề',
      });
      const submitted = await news.transition(db, SYSTEM_CLI, draft.id, 'submit', { version: withCover.version });
      slug = (await news.transition(db, SYSTEM_CLI, draft.id, 'publish', { version: submitted.version })).slug;
      for (const [title, day] of [['Quận ủy Lê Chân sinh hoạt chuyên đề', '2021-04-10'], ['Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW', '2021-10-20'], ['Kỷ niệm 75 năm Ngày Bác Hồ về thăm Hải Phòng', '2021-10-19']]) {
        await makePublished(db, { ...base, title, publishAt: `${day}T08:00:00+07:00`, bodyHtml: `<p>${title}.</p>` });
      }
      await makePublished(db, { ...base, categoryId: exemplars.id, title: 'Cô giáo Trường THCS Hoàng Diệu, tấm gương sáng', publishAt: '2021-05-19T08:00:00+07:00' });
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(pathname: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(`${base}${pathname}`);
    expect(response?.status(), pathname).toBe(200);
    return page;
  }

  async function seriousViolations(page: Page) {
    await page.evaluate(axe.source);
    const results = await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }));
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('has no serious or critical axe violations on the home, article, category and search pages', async () => {
    for (const pathname of ['/', `/tin-tuc/${slug}`, '/chuyen-muc/guong-sang', '/tim-kiem?q=hoang%20dieu', '/tim-kiem', '/khong-co-trang-nay']) {
      const context = await browser.newContext({ locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(`${base}${pathname}`);
      expect(await seriousViolations(page), pathname).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
      await context.close();
    }
  });

  it('prints an article without the site around it, readable on A4', async () => {
    await (await open('/')).screenshot({ path: path.join(SHOTS, 'home-screen.png'), fullPage: true });
    const page = await open(`/tin-tuc/${slug}`);
    await page.screenshot({ path: path.join(SHOTS, 'article-screen.png'), fullPage: true });
    // On screen, the navigation and the other news are there.
    expect(await page.locator('nav.site-nav').isVisible()).toBe(true);
    expect(await page.locator('.other-news').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    const shot = path.join(SHOTS, 'article-print.png');
    await page.screenshot({ path: shot, fullPage: true });
    for (const selector of ['header.site-header', 'nav', 'footer.site-footer', '.skip', '.share', '.other-news', '.print-link']) {
      const shown = await page.locator(selector).evaluateAll((nodes) => nodes.filter((n) => {
        const style = getComputedStyle(n);
        const box = n.getBoundingClientRect();
        return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
      }).length);
      expect(shown, selector).toBe(0);
    }
    await expect(page.locator('h1').innerText()).resolves.toBe('Tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh');
    expect(await page.locator('.cover img').isVisible()).toBe(true);
    expect(await page.locator('.byline').innerText()).toContain('Phương Trang');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Times/);
    // The printed QR code still takes a reader to the article.
    const qr = await page.locator('svg.qr-code').screenshot();
    expect(decodeQrPng(qr)).toBe(`${base}/tin-tuc/${slug}`);
    // A4 paper: the article fits its width (no horizontal overflow when printed).
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    fs.writeFileSync(path.join(SHOTS, 'article.pdf'), pdf);
    await page.context().close();
  });

  it('offers a print view page without navigation at all', async () => {
    const page = await open(`/tin-tuc/${slug}/in`);
    expect(await page.locator('nav').count()).toBe(0);
    expect(await page.locator('header').count()).toBe(0);
    expect(await page.locator('footer').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
