import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, makeUser, type Session } from '../../test/fixtures';
import { multipartBody } from '../../test/multipart-body';

const databases = await testDatabases();

function png(width = 24, height = 16): Buffer {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([155, 13, 13, 255], i);
  return PNG.sync.write(image);
}

describe.each(databases)('news images on $name', (database) => {
  let t: TestApp;
  let editor: Session;
  let sibling: Session;
  let categoryId: number;

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    await t.handle.db.transaction().execute(async (tx) => {
      await makeUser(tx, 'bientap', t.tree.city, [{ role: 'editor', unitId: t.tree.city }]);
      await makeUser(tx, 'bientapb', t.tree.districtB, [{ role: 'editor', unitId: t.tree.districtB }]);
    });
    editor = await login(t.app, 'bientap');
    sibling = await login(t.app, 'bientapb');
    categoryId = (await editor.inject({ method: 'POST', url: '/api/v1/news/categories', payload: { unitId: t.tree.city, name: 'Ảnh' } })).json().id;
  });
  afterAll(async () => t?.close());

  const newArticle = async (s: Session, unitId: number, title: string) =>
    (await s.inject({ method: 'POST', url: '/api/v1/news/articles', payload: { unitId, categoryId, title, bodyHtml: '<p>Bài có ảnh</p>' } })).json();
  const upload = (s: Session, articleId: number, bytes: Buffer, filename = 'anh.png', contentType = 'image/png') => {
    const body = multipartBody([{ name: 'file', filename, contentType, bytes }]);
    return s.inject({ method: 'POST', url: `/api/v1/news/articles/${articleId}/images`, ...body });
  };

  it.skipIf(database.skip)('checks the type by the bytes, caps the size, and stores under a server-made name', async () => {
    const article = await newArticle(editor, t.tree.propaganda, 'Ảnh kiểm tra');
    const fake = await upload(editor, article.id, Buffer.from('<svg onload="alert(1)"></svg>'), 'that-la-anh.png');
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.details[0].field).toBe('file');
    const big = Buffer.concat([png(), Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(editor, article.id, big, 'lon.png');
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.details[0].field).toBe('file');
    const none = await editor.inject({ method: 'POST', url: `/api/v1/news/articles/${article.id}/images`, ...multipartBody([], { note: 'x' }) });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details[0].field).toBe('file');

    const ok = await upload(editor, article.id, png(), '../../etc/passwd.png', 'application/octet-stream');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ mimeType: 'image/png', url: `/anh/${ok.json().fileId}` });
    const row = await t.handle.db.selectFrom('files').selectAll().where('id', '=', ok.json().fileId).executeTakeFirstOrThrow();
    expect(row.storage_key).toMatch(/^\d{4}\/\d{2}\/[a-f0-9]{32}\.png$/);
    expect(row.purpose).toBe('news_image');
    expect(row.unit_id).toBe(t.tree.propaganda);
  });

  it.skipIf(database.skip)('serves an image publicly only once a published article shows it', async () => {
    const article = await newArticle(editor, t.tree.propaganda, 'Chuyên đề ở trường THCS Hoàng Diệu');
    const bytes = png(30, 20);
    const cover = (await upload(editor, article.id, bytes)).json();
    const inBody = (await upload(editor, article.id, png(10, 10))).json();
    const unused = (await upload(editor, article.id, png(12, 12))).json();

    // Before publication: the writers see it (editor and preview), nobody else does.
    expect((await t.app.inject({ url: cover.url })).statusCode).toBe(404);
    const forEditor = await t.app.inject({ url: cover.url, headers: { cookie: editor.cookie } });
    expect(forEditor.statusCode).toBe(200);
    expect(forEditor.headers['cache-control']).toBe('private, no-store');
    expect((await t.app.inject({ url: cover.url, headers: { cookie: sibling.cookie } })).statusCode).toBe(404);

    const updated = await editor.inject({
      method: 'PATCH', url: `/api/v1/news/articles/${article.id}`,
      payload: {
        version: 1, coverFileId: cover.fileId, coverCaption: 'Chuyên đề “Hồ Chí Minh – đẹp nhất tên Người” (ảnh tư liệu).', coverAlt: 'Học sinh trình bày chuyên đề',
        bodyHtml: `<p>Mở đầu</p><figure><img src="${inBody.url}" alt="Tiết học"><figcaption>Tiết học tích hợp</figcaption></figure>`,
      },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().images).toEqual([
      { fileId: cover.fileId, url: cover.url, role: 'cover' },
      { fileId: inBody.fileId, url: inBody.url, role: 'body' },
      { fileId: unused.fileId, url: unused.url, role: 'unused' },
    ]);
    await editor.inject({ method: 'POST', url: `/api/v1/news/articles/${article.id}/submit`, payload: { version: 2 } });
    const published = await editor.inject({ method: 'POST', url: `/api/v1/news/articles/${article.id}/publish`, payload: { version: 3 } });
    expect(published.json().status).toBe('published');

    const pub = await t.app.inject({ url: cover.url });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('image/png');
    expect(pub.headers['x-content-type-options']).toBe('nosniff');
    expect(pub.headers['cache-control']).toContain('public');
    expect(Buffer.compare(pub.rawPayload, bytes)).toBe(0);
    expect((await t.app.inject({ url: inBody.url })).statusCode).toBe(200);
    expect((await t.app.inject({ url: unused.url })).statusCode).toBe(404);

    const page = await t.app.inject({ url: `/tin-tuc/${article.slug}` });
    expect(page.body).toContain(`<img src="${cover.url}" alt="Học sinh trình bày chuyên đề">`);
    expect(page.body).toContain('<figcaption>Chuyên đề “Hồ Chí Minh – đẹp nhất tên Người” (ảnh tư liệu).</figcaption>');
    expect(page.body).toContain(`<meta property="og:image" content="http://localhost:80${cover.url}">`);

    // Taken off the portal, its images go with it.
    await editor.inject({ method: 'POST', url: `/api/v1/news/articles/${article.id}/unpublish`, payload: { version: 4, note: 'Gỡ' } });
    expect((await t.app.inject({ url: cover.url })).statusCode).toBe(404);
  });

  it.skipIf(database.skip)("refuses another unit's unpublished image and images that are not ours", async () => {
    const mine = await newArticle(editor, t.tree.propaganda, 'Ảnh của Ban Tuyên giáo');
    const image = (await upload(editor, mine.id, png())).json();
    const theirs = await newArticle(sibling, t.tree.districtB, 'Bài của quận B');
    const stolen = await sibling.inject({
      method: 'PATCH', url: `/api/v1/news/articles/${theirs.id}`, payload: { version: 1, bodyHtml: `<img src="${image.url}" alt="">` },
    });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().error.details[0].field).toBe('bodyHtml');
    const cover = await sibling.inject({ method: 'PATCH', url: `/api/v1/news/articles/${theirs.id}`, payload: { version: 1, coverFileId: image.fileId } });
    expect(cover.statusCode).toBe(400);
    expect(cover.json().error.details[0].field).toBe('coverFileId');
    const hotlink = await sibling.inject({
      method: 'PATCH', url: `/api/v1/news/articles/${theirs.id}`, payload: { version: 1, bodyHtml: '<p>x</p><img src="https://example.com/track.gif">' },
    });
    expect(hotlink.json().bodyHtml).toBe('<p>x</p>');
    expect((await sibling.inject({ method: 'POST', url: `/api/v1/news/articles/${mine.id}/images`, ...multipartBody([{ name: 'file', filename: 'a.png', contentType: 'image/png', bytes: png() }]) })).statusCode).toBe(403);
  });
});
