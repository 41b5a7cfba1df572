/**
 * Every editor route of the news module: who gets through (role × where the grant sits), and
 * that bad input answers 400 naming the field, in Vietnamese by default and in English on request.
 */
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../core/actor';
import { startTestApp, type TestApp } from '../../test/app';
import { testDatabases } from '../../test/databases';
import { login, makeUser, type Session } from '../../test/fixtures';
import { multipartBody } from '../../test/multipart-body';
import type { Article } from './news.contract';
import { makeCategory, makeDraft } from './news.fixtures';
import * as news from './news.service';

const databases = await testDatabases();

type State = 'draft' | 'in_review' | 'published' | 'unpublished';
const USERS = ['anonymous', 'viewer', 'reporter', 'admin', 'sibling', 'otherLeader', 'writer', 'publisher'] as const;
type User = (typeof USERS)[number];

interface RouteCase {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: (a: Article) => string;
  payload?: (a: Article) => unknown;
  upload?: boolean;
  state?: State;
  allowed: User[];
}

const SIGNED_IN: User[] = ['viewer', 'reporter', 'admin', 'sibling', 'otherLeader', 'writer', 'publisher'];
const WRITERS: User[] = ['writer', 'publisher'];
const PUBLISHERS: User[] = ['publisher'];

describe.each(databases)('news editor routes: permissions and bad input on $name', (database) => {
  let t: TestApp;
  let categoryId: number;
  const sessions = {} as Record<Exclude<User, 'anonymous'>, Session>;

  const tinyPng = () => {
    const image = new PNG({ width: 4, height: 4 });
    image.data.fill(200);
    return PNG.sync.write(image);
  };

  const cases = (): RouteCase[] => [
    { name: 'list categories', method: 'GET', url: () => '/api/v1/news/categories', allowed: SIGNED_IN },
    { name: 'create category', method: 'POST', url: () => '/api/v1/news/categories', payload: () => ({ unitId: t.tree.propaganda, name: `Chuyên mục ${Math.random()}` }), allowed: PUBLISHERS },
    { name: 'edit category', method: 'PATCH', url: () => `/api/v1/news/categories/${categoryId}`, payload: () => ({ sortOrder: 1 }), allowed: PUBLISHERS },
    { name: 'link kinds', method: 'GET', url: () => '/api/v1/news/link-kinds', allowed: SIGNED_IN },
    { name: 'list articles', method: 'GET', url: () => '/api/v1/news/articles', allowed: ['sibling', 'otherLeader', 'writer', 'publisher'] },
    { name: 'create article', method: 'POST', url: () => '/api/v1/news/articles', payload: () => ({ unitId: t.tree.propaganda, categoryId, title: 'Bài mới' }), allowed: WRITERS },
    { name: 'read article', method: 'GET', url: (a) => `/api/v1/news/articles/${a.id}`, allowed: WRITERS },
    { name: 'edit draft', method: 'PATCH', url: (a) => `/api/v1/news/articles/${a.id}`, payload: (a) => ({ version: a.version, summary: 'Sửa' }), allowed: WRITERS },
    { name: 'edit in review', method: 'PATCH', url: (a) => `/api/v1/news/articles/${a.id}`, payload: (a) => ({ version: a.version, summary: 'Sửa' }), state: 'in_review', allowed: PUBLISHERS },
    { name: 'correct published', method: 'PATCH', url: (a) => `/api/v1/news/articles/${a.id}`, payload: (a) => ({ version: a.version, summary: 'Đính chính' }), state: 'published', allowed: PUBLISHERS },
    { name: 'versions', method: 'GET', url: (a) => `/api/v1/news/articles/${a.id}/versions`, allowed: WRITERS },
    { name: 'submit', method: 'POST', url: (a) => `/api/v1/news/articles/${a.id}/submit`, payload: (a) => ({ version: a.version }), allowed: WRITERS },
    { name: 'return', method: 'POST', url: (a) => `/api/v1/news/articles/${a.id}/return`, payload: (a) => ({ version: a.version, note: 'Viết lại' }), state: 'in_review', allowed: PUBLISHERS },
    { name: 'publish', method: 'POST', url: (a) => `/api/v1/news/articles/${a.id}/publish`, payload: (a) => ({ version: a.version }), state: 'in_review', allowed: PUBLISHERS },
    { name: 'unpublish', method: 'POST', url: (a) => `/api/v1/news/articles/${a.id}/unpublish`, payload: (a) => ({ version: a.version, note: 'Gỡ' }), state: 'published', allowed: PUBLISHERS },
    { name: 'reopen', method: 'POST', url: (a) => `/api/v1/news/articles/${a.id}/reopen`, payload: (a) => ({ version: a.version }), state: 'unpublished', allowed: WRITERS },
    { name: 'upload image', method: 'POST', url: (a) => `/api/v1/news/articles/${a.id}/images`, upload: true, allowed: WRITERS },
    { name: 'preview', method: 'GET', url: (a) => `/api/v1/news/articles/${a.id}/preview`, allowed: WRITERS },
  ];

  /** A fresh article of Ban Tuyên giáo in the state a route needs. */
  async function articleIn(state: State): Promise<Article> {
    return t.handle.db.transaction().execute(async (db) => {
      let a = await makeDraft(db, { unitId: t.tree.propaganda, categoryId, title: `Bài ${state} ${Math.random()}` });
      const step = (name: news.Transition, extra: object = {}) => news.transition(db, SYSTEM_CLI, a.id, name, { version: a.version, ...extra });
      if (state !== 'draft') a = await step('submit');
      if (state === 'published' || state === 'unpublished') a = await step('publish');
      if (state === 'unpublished') a = await step('unpublish', { note: 'Gỡ' });
      return a;
    });
  }

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    await t.handle.db.transaction().execute(async (tx) => {
      categoryId = (await makeCategory(tx, t.tree.city, 'Tin hoạt động')).id;
      await makeUser(tx, 'xem', t.tree.city, [{ role: 'viewer', unitId: t.tree.city }]);
      await makeUser(tx, 'phongvien', t.tree.propaganda, [{ role: 'reporter', unitId: t.tree.propaganda }]);
      await makeUser(tx, 'quantri', t.tree.city, [{ role: 'admin', unitId: t.tree.city }]);
      await makeUser(tx, 'bientapb', t.tree.districtB, [{ role: 'editor', unitId: t.tree.districtB }]);
      await makeUser(tx, 'lanhdaoa', t.tree.districtA, [{ role: 'leader', unitId: t.tree.districtA }]);
      await makeUser(tx, 'tuyengiao', t.tree.propaganda, [{ role: 'coordinator', unitId: t.tree.propaganda }]);
      await makeUser(tx, 'bientap', t.tree.city, [{ role: 'editor', unitId: t.tree.city }]);
    });
    const names: Record<Exclude<User, 'anonymous'>, string> = {
      viewer: 'xem', reporter: 'phongvien', admin: 'quantri', sibling: 'bientapb', otherLeader: 'lanhdaoa', writer: 'tuyengiao', publisher: 'bientap',
    };
    for (const [user, username] of Object.entries(names)) sessions[user as Exclude<User, 'anonymous'>] = await login(t.app, username);
  });
  afterAll(async () => t?.close());

  it.skipIf(database.skip)('lets through exactly the roles the policy names, and no one without signing in', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of cases()) {
      for (const user of USERS) {
        const article = await articleIn(route.state ?? 'draft');
        const request = {
          method: route.method, url: route.url(article),
          ...(route.upload ? multipartBody([{ name: 'file', filename: 'a.png', contentType: 'image/png', bytes: tinyPng() }]) : {}),
          ...(route.payload ? { payload: route.payload(article) as object } : {}),
        };
        const res = user === 'anonymous' ? await t.app.inject(request) : await sessions[user].inject(request);
        const outcome = res.statusCode < 300 ? 'ok' : String(res.statusCode);
        outcomes.push(`${route.name} × ${user}: ${outcome}`);
        expected.push(`${route.name} × ${user}: ${user === 'anonymous' ? '401' : route.allowed.includes(user) ? 'ok' : '403'}`);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it.skipIf(database.skip)('answers bad input with 400 naming the field, in either language', async () => {
    const publisher = sessions.publisher;
    const draft = await articleIn('draft');
    const cases: Array<{ method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: unknown; field: string }> = [
      { method: 'GET', url: '/api/v1/news/categories?includeInactive=co', field: 'includeInactive' },
      { method: 'POST', url: '/api/v1/news/categories', payload: { unitId: t.tree.city, name: '' }, field: 'name' },
      { method: 'POST', url: '/api/v1/news/categories', payload: { unitId: 'ba', name: 'A' }, field: 'unitId' },
      { method: 'POST', url: '/api/v1/news/categories', payload: { unitId: t.tree.city, name: 'A', slug: 'Có Dấu' }, field: 'slug' },
      { method: 'POST', url: '/api/v1/news/categories', payload: { unitId: 999_999, name: 'A' }, field: 'unitId' },
      { method: 'PATCH', url: '/api/v1/news/categories/abc', payload: { name: 'A' }, field: 'id' },
      { method: 'PATCH', url: `/api/v1/news/categories/${categoryId}`, payload: {}, field: 'body' },
      { method: 'GET', url: '/api/v1/news/articles?status=xong', field: 'status' },
      { method: 'GET', url: '/api/v1/news/articles?limit=0', field: 'limit' },
      { method: 'POST', url: '/api/v1/news/articles', payload: { unitId: t.tree.propaganda, categoryId }, field: 'title' },
      { method: 'POST', url: '/api/v1/news/articles', payload: { unitId: t.tree.propaganda, categoryId, title: 'A', publishAt: 'ngày mai' }, field: 'publishAt' },
      { method: 'POST', url: '/api/v1/news/articles', payload: { unitId: t.tree.propaganda, categoryId, title: 'A', links: [{ kind: 'bao_cao', id: 1 }] }, field: 'links.0.kind' },
      { method: 'POST', url: '/api/v1/news/articles', payload: { unitId: t.tree.propaganda, categoryId: 999_999, title: 'A' }, field: 'categoryId' },
      { method: 'POST', url: '/api/v1/news/articles', payload: { unitId: 999_999, categoryId, title: 'A' }, field: 'unitId' },
      { method: 'POST', url: '/api/v1/news/articles', payload: { unitId: t.tree.propaganda, categoryId, title: 'A', bodyHtml: 'x'.repeat(500_001) }, field: 'bodyHtml' },
      { method: 'POST', url: '/api/v1/news/articles', payload: { unitId: t.tree.propaganda, categoryId, title: 'A', slug: 'co--hai' }, field: 'slug' },
      { method: 'POST', url: '/api/v1/news/articles', payload: { unitId: t.tree.propaganda, categoryId, title: 'A', sourceUrl: 'javascript:alert(1)' }, field: 'sourceUrl' },
      { method: 'GET', url: '/api/v1/news/articles/abc', field: 'id' },
      { method: 'PATCH', url: `/api/v1/news/articles/${draft.id}`, payload: { summary: 'x' }, field: 'version' },
      { method: 'PATCH', url: `/api/v1/news/articles/${draft.id}`, payload: { version: draft.version }, field: 'body' },
      { method: 'PATCH', url: `/api/v1/news/articles/${draft.id}`, payload: { version: draft.version, coverFileId: 999_999 }, field: 'coverFileId' },
      { method: 'PATCH', url: `/api/v1/news/articles/${draft.id}`, payload: { version: draft.version, title: '   ' }, field: 'title' },
      { method: 'GET', url: '/api/v1/news/articles/0/versions', field: 'id' },
      { method: 'POST', url: `/api/v1/news/articles/${draft.id}/submit`, payload: {}, field: 'version' },
      { method: 'POST', url: `/api/v1/news/articles/${draft.id}/submit`, payload: { version: draft.version, note: 'x'.repeat(1001) }, field: 'note' },
      { method: 'POST', url: `/api/v1/news/articles/${draft.id}/submit`, payload: { version: draft.version, publishAt: '2021-02-24T09:49:00+07:00' }, field: 'publishAt' },
      { method: 'POST', url: `/api/v1/news/articles/${draft.id}/publish`, payload: { version: draft.version, publishAt: '24/02/2021' }, field: 'publishAt' },
      { method: 'GET', url: '/api/v1/news/articles/-1/preview', field: 'id' },
    ];
    for (const c of cases) {
      for (const lang of ['vi', 'en'] as const) {
        const res = await publisher.inject({ method: c.method, url: c.url, payload: c.payload as object, headers: { 'accept-language': lang } });
        expect(res.statusCode, `${c.method} ${c.url} ${lang} ${String(JSON.stringify(c.payload)).slice(0, 80)} ${res.body}`).toBe(400);
        const error = res.json().error;
        expect(error.details.map((d: { field: string }) => d.field), `${c.method} ${c.url}`).toContain(c.field);
        expect(error.message).toContain(c.field);
        if (lang === 'en') expect(error.message, c.url).not.toMatch(/[ăâđêôơư]/i);
      }
    }
    // Uploads: not multipart at all, no file, a file that is not an image.
    const url = `/api/v1/news/articles/${draft.id}/images`;
    expect((await publisher.inject({ method: 'POST', url, payload: { file: 'x' } })).statusCode).toBe(406);
    const text = await publisher.inject({ method: 'POST', url, ...multipartBody([{ name: 'file', filename: 'a.png', contentType: 'image/png', bytes: Buffer.from('không phải ảnh') }]) });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.details[0].field).toBe('file');
    // Unknown records are 404, never 500.
    expect((await publisher.inject({ url: '/api/v1/news/articles/999999' })).statusCode).toBe(404);
    expect((await publisher.inject({ method: 'PATCH', url: '/api/v1/news/categories/999999', payload: { name: 'A' } })).statusCode).toBe(404);
    expect((await publisher.inject({ method: 'POST', url: '/api/v1/news/articles/999999/submit', payload: { version: 1 } })).statusCode).toBe(404);
  });
});
