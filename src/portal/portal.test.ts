import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../core/actor';
import { newsDateLine } from '../core/dates';
import * as news from '../modules/news/news.service';
import { makeCategory, makeDraft, makePublished } from '../modules/news/news.fixtures';
import { startTestApp, type TestApp } from '../test/app';
import { testDatabases } from '../test/databases';
import { decodeQrSvg } from '../test/qr-svg';

const databases = await testDatabases();
const BASE = 'https://tin.lamtheo.test';

describe.each(databases)('public news portal on $name', (database) => {
  let t: TestApp;
  const slugs: Record<string, string> = {};

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database, { PUBLIC_URL: BASE });
    await t.handle.db.transaction().execute(async (db) => {
      const activity = await makeCategory(db, t.tree.propaganda, 'Tin hoạt động');
      const exemplars = await makeCategory(db, t.tree.propaganda, 'Gương sáng');
      const base = { unitId: t.tree.propaganda, categoryId: activity.id };
      const plan = await makePublished(db, {
        ...base, title: 'Ban Thường vụ Thành ủy ban hành Kế hoạch thực hiện Chỉ thị 05-CT/TW năm 2021',
        summary: 'Kế hoạch đề ra 6 nhóm nhiệm vụ trọng tâm.', bodyHtml: '<p>Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.</p>',
        author: 'Phương Trang', source: 'Ban Tuyên giáo Thành ủy', sourceUrl: 'https://tuyengiao.example.vn/ke-hoach-05?a=1&b=2',
        publishAt: '2021-02-24T09:49:00+07:00',
      });
      slugs.plan = plan.slug;
      for (const [key, title, day] of [
        ['session', 'Quận ủy Đồ Sơn tổ chức sinh hoạt chuyên đề năm 2021', '2021-04-10'],
        ['school', 'Trường THCS Hoàng Diệu với chuyên đề “Hồ Chí Minh – đẹp nhất tên Người”', '2021-05-19'],
        ['conference', 'Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW', '2021-10-20'],
      ] as const) {
        slugs[key] = (await makePublished(db, { ...base, title, publishAt: `${day}T08:00:00+07:00`, author: 'Phóng viên' })).slug;
      }
      slugs.exemplar = (await makePublished(db, { ...base, categoryId: exemplars.id, title: 'Gương sáng Đảng viên ở phường Vạn Hương', publishAt: '2021-06-01T08:00:00+07:00' })).slug;
      slugs.draft = (await makeDraft(db, { ...base, title: 'Bản nháp chưa duyệt' })).slug;
      const review = await makeDraft(db, { ...base, title: 'Bài đang chờ duyệt' });
      slugs.review = (await news.transition(db, SYSTEM_CLI, review.id, 'submit', { version: review.version })).slug;
      const gone = await makePublished(db, { ...base, title: 'Bài đã gỡ xuống', publishAt: '2021-03-01T08:00:00+07:00' });
      slugs.gone = (await news.transition(db, SYSTEM_CLI, gone.id, 'unpublish', { version: gone.version, note: 'Sai số liệu' })).slug;
      slugs.future = (await makePublished(db, { ...base, title: 'Bài hẹn giờ năm sau', publishAt: new Date(Date.now() + 365 * 86_400_000).toISOString() })).slug;
      slugs.xss = (await makePublished(db, {
        ...base, title: 'Bài có mã độc <b>đậm</b>', publishAt: '2021-01-05T08:00:00+07:00',
        bodyHtml: '<p>An toàn</p><script>alert("x")</script><img src="x.png" onerror="alert(1)"><a href="javascript:alert(2)">bấm</a><p onclick="alert(3)">đoạn</p>',
      })).slug;
    });
  });
  afterAll(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

  it.skipIf(database.skip)('serves the home page as HTML with the latest articles and the staff app in the footer', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(res.body).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(res.body).toContain('Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW');
    expect(res.body).toContain('href="/app/"');
    expect(res.body).toContain('<a class="skip" href="#noi-dung">');
    expect(res.body).toMatch(/<main id="noi-dung"/);
    expect(res.body).toContain(`<link rel="canonical" href="${BASE}/">`);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    // Newest first; nothing that is not public.
    expect(res.body.indexOf('Hội nghị sơ kết')).toBeLessThan(res.body.indexOf('Quận ủy Đồ Sơn tổ chức'));
    for (const hidden of ['Bản nháp chưa duyệt', 'Bài đang chờ duyệt', 'Bài đã gỡ xuống', 'Bài hẹn giờ năm sau']) expect(res.body).not.toContain(hidden);
    expect(res.body).not.toMatch(/<script/i);
  });

  it.skipIf(database.skip)('shows an article like the city portal: date line, print link, author, source, QR of its own address, sharing, other news', async () => {
    const res = await get(`/tin-tuc/${slugs.plan}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('Thứ Tư, 24/02/2021 09:49');
    expect(newsDateLine('2021-02-24T02:49:00Z')).toBe('Thứ Tư, 24/02/2021 09:49');
    expect(body).toContain('<h1 id="tieu-de">Ban Thường vụ Thành ủy ban hành Kế hoạch thực hiện Chỉ thị 05-CT/TW năm 2021</h1>');
    expect(body).toContain(`href="/tin-tuc/${slugs.plan}/in"`);
    expect(body).toContain('Phương Trang');
    expect(body).toContain('Nguồn: <a href="https://tuyengiao.example.vn/ke-hoach-05?a=1&amp;b=2" rel="noopener noreferrer external">Ban Tuyên giáo Thành ủy</a>');
    expect(body).toContain('<a href="https://tuyengiao.example.vn/ke-hoach-05?a=1&amp;b=2" rel="noopener noreferrer external">Gốc</a>');
    const url = `${BASE}/tin-tuc/${slugs.plan}`;
    expect(body).toContain(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`);
    expect(body).toContain(`https://sp.zalo.me/plugins/share?href=${encodeURIComponent(url)}`);
    expect(body).toContain(`<input id="duong-dan" type="text" readonly value="${url}">`);
    expect(body).toContain(`<meta property="og:url" content="${url}">`);
    expect(body).toContain('<meta property="og:type" content="article">');
    expect(body).toContain(`<link rel="canonical" href="${url}">`);

    const svg = /<svg role="img"[\s\S]*?<\/svg>/.exec(body)?.[0];
    expect(svg).toBeDefined();
    expect(decodeQrSvg(svg!)).toBe(url);

    const others = /<section class="other-news"[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
    expect(others).toContain('Tin khác');
    const otherLinks = [...others.matchAll(/<h3><a href="\/tin-tuc\/([^"]+)">/g)].map((m) => m[1]);
    expect(otherLinks.length).toBeGreaterThanOrEqual(3);
    expect(otherLinks).not.toContain(slugs.plan);
    expect(otherLinks).not.toContain(slugs.draft);
  });

  it.skipIf(database.skip)('derives the absolute address from the request when PUBLIC_URL is not set', async () => {
    const other = await startTestApp(database);
    try {
      await other.handle.db.transaction().execute(async (db) => {
        const c = await makeCategory(db, other.tree.propaganda, 'Tin');
        await makePublished(db, { unitId: other.tree.propaganda, categoryId: c.id, title: 'Một bài', publishAt: '2021-02-24T09:49:00+07:00' });
      });
      const res = await other.app.inject({ url: '/tin-tuc/mot-bai', headers: { host: 'tintuc.example.vn:8080' } });
      const svg = /<svg role="img"[\s\S]*?<\/svg>/.exec(res.body)![0];
      expect(decodeQrSvg(svg)).toBe('http://tintuc.example.vn:8080/tin-tuc/mot-bai');
      const proxied = await other.app.inject({ url: '/tin-tuc/mot-bai', headers: { host: 'bad host<>' } });
      expect(proxied.body).not.toContain('bad host');
    } finally {
      await other.close();
    }
  });

  it.skipIf(database.skip)('has a print view without the site around it', async () => {
    const res = await get(`/tin-tuc/${slugs.plan}/in`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ban Thường vụ Thành ủy ban hành Kế hoạch');
    expect(res.body).not.toContain('<nav');
    expect(res.body).not.toContain('<header');
    expect(res.body).not.toContain('Tin khác');
    expect(res.body).toMatch(/<svg role="img"/);
    const css = await get(/href="(\/portal\.css\?v=[a-f0-9]+)"/.exec(res.body)![1]);
    expect(css.body).toContain('@media print');
    expect(css.body).toMatch(/size:A4/);
  });

  it.skipIf(database.skip)('never shows drafts, articles in review, unpublished or scheduled ones (404)', async () => {
    for (const key of ['draft', 'review', 'gone', 'future']) {
      const res = await get(`/tin-tuc/${slugs[key]}`);
      expect(res.statusCode, key).toBe(404);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect((await get(`/tin-tuc/${slugs[key]}/in`)).statusCode).toBe(404);
    }
    expect((await get('/tin-tuc/khong-co-bai-nay')).statusCode).toBe(404);
    expect((await get('/tin-tuc/..%2F..%2Fetc')).statusCode).toBe(404);
    expect((await get('/trang-khong-co')).statusCode).toBe(404);
    const api = await t.app.inject({ url: '/api/v1/khong-co' });
    expect(api.json().error.code).toBe('not_found');
  });

  it.skipIf(database.skip)('stores and renders a body without script, event handlers or javascript: links', async () => {
    const stored = await t.handle.db.selectFrom('news_articles').select('body_html').where('slug', '=', slugs.xss).executeTakeFirstOrThrow();
    for (const text of [stored.body_html, (await get(`/tin-tuc/${slugs.xss}`)).body]) {
      expect(text).not.toMatch(/<script/i);
      expect(text).not.toMatch(/onerror=|onclick=/i);
      expect(text).not.toMatch(/javascript:/i);
    }
    const page = (await get(`/tin-tuc/${slugs.xss}`)).body;
    expect(page).toContain('<p>An toàn</p>');
    expect(page).toContain('Bài có mã độc &lt;b&gt;đậm&lt;/b&gt;');
  });

  it.skipIf(database.skip)('publishes valid RSS 2.0 with published articles only', async () => {
    const res = await t.app.inject({ url: '/rss.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/rss\+xml/);
    expect(XMLValidator.validate(res.body)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(res.body);
    expect(feed.rss['@_version']).toBe('2.0');
    const channel = feed.rss.channel;
    expect(channel.title).toBeTruthy();
    expect(channel.link).toBe(`${BASE}/`);
    expect(channel.description).toBeTruthy();
    const items = [channel.item].flat();
    const links = items.map((i: { link: string }) => i.link);
    expect(links).toContain(`${BASE}/tin-tuc/${slugs.plan}`);
    expect(items).toHaveLength(6);
    for (const key of ['draft', 'review', 'gone', 'future']) expect(links).not.toContain(`${BASE}/tin-tuc/${slugs[key]}`);
    for (const item of items) {
      expect(item.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
      expect(item.guid['#text']).toBe(item.link);
    }
  });

  it.skipIf(database.skip)('lists public articles in the sitemap, and robots.txt points to it', async () => {
    const res = await t.app.inject({ url: '/sitemap.xml' });
    expect(XMLValidator.validate(res.body)).toBe(true);
    const locs = [new XMLParser().parse(res.body).urlset.url].flat().map((u: { loc: string }) => u.loc);
    expect(locs).toContain(`${BASE}/tin-tuc/${slugs.conference}`);
    expect(locs).toContain(`${BASE}/chuyen-muc/tin-hoat-dong`);
    expect(locs).not.toContain(`${BASE}/tin-tuc/${slugs.draft}`);
    expect((await t.app.inject({ url: '/robots.txt' })).body).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });

  it.skipIf(database.skip)('searches ignoring diacritics and folding đ→d', async () => {
    const plain = await get('/tim-kiem?q=hoi%20nghi%20so%20ket');
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('Hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW');
    expect(plain.body).toContain('Tìm thấy 1 bài viết');
    const dd = await get(`/tim-kiem?q=${encodeURIComponent('DO SON')}`);
    expect(dd.body).toContain('Quận ủy Đồ Sơn tổ chức sinh hoạt chuyên đề năm 2021');
    const accented = await get(`/tim-kiem?q=${encodeURIComponent('Đảng viên')}`);
    expect(accented.body).toContain('Gương sáng Đảng viên ở phường Vạn Hương');
    const author = await get('/tim-kiem?q=phuong%20trang');
    expect(author.body).toContain('Ban Thường vụ Thành ủy ban hành Kế hoạch');
    const none = await get('/tim-kiem?q=ban%20nhap%20chua%20duyet');
    expect(none.body).toContain('Tìm thấy 0 bài viết');
    const hostile = await get(`/tim-kiem?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(hostile.statusCode).toBe(200);
    expect(hostile.body).not.toContain('<script>alert(1)</script>');
    expect(hostile.body).toContain('&quot;&gt;&lt;script&gt;');
  });

  it.skipIf(database.skip)('pages the home page and shows categories', async () => {
    const category = await get('/chuyen-muc/guong-sang');
    expect(category.statusCode).toBe(200);
    expect(category.body).toContain('Gương sáng Đảng viên ở phường Vạn Hương');
    expect(category.body).not.toContain('Hội nghị sơ kết');
    expect(category.body).toContain('aria-current="page"');
    expect((await get('/chuyen-muc/khong-co')).statusCode).toBe(404);
    expect((await get('/?trang=99')).statusCode).toBe(404);
    expect((await get('/?trang=abc')).statusCode).toBe(200);
  });

  it.skipIf(database.skip)('keeps every page under 100 KB without images', async () => {
    const css = await get(/href="(\/portal\.css\?v=[a-f0-9]+)"/.exec((await get('/')).body)![1]);
    for (const url of ['/', `/tin-tuc/${slugs.plan}`, `/tin-tuc/${slugs.plan}/in`, '/tim-kiem?q=chi%20thi', '/chuyen-muc/tin-hoat-dong']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const weight = Buffer.byteLength(res.body) + Buffer.byteLength(css.body);
      expect(weight, url).toBeLessThan(100 * 1024);
      expect(res.body, url).not.toMatch(/<script/i);
    }
  });
});
