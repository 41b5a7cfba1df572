import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../core/actor';
import { slugify } from '../core/text';
import { registerNewsLinkResolver } from '../modules/news/news.links';
import * as orgs from '../modules/orgs/orgs.service';
import { startTestApp, type TestApp } from '../test/app';
import { testDatabases } from '../test/databases';
import { DEMO_ARTICLES, loadDemoNews } from './news';

const databases = await testDatabases();

describe.each(databases)('news demo on $name', (database) => {
  let t: TestApp;
  const lines: string[] = [];
  let unregister: () => void = () => undefined;

  beforeAll(async () => {
    if (database.skip) return;
    t = await startTestApp(database);
    unregister = registerNewsLinkResolver('plan', async (_db, id) => (id === 42 ? { title: 'Kế hoạch năm 2021 thực hiện Chỉ thị 05-CT/TW', url: 'https://ke-hoach.example.vn/42' } : null));
    await t.handle.db.transaction().execute(async (db) => {
      // The demo's unit codes, under the fixture's city committee.
      const btg = await orgs.createUnit(db, SYSTEM_CLI, { code: 'TU-HP-BTG', name: 'Ban Tuyên giáo Thành ủy', kind: 'ban_tham_muu', parentId: t.tree.city, hierarchy: 'party', validFrom: '2020-01-01' });
      const codes = new Map([['TU-HP', t.tree.city], ['TU-HP-BTG', btg.id]]);
      await loadDemoNews(db, { actor: { kind: 'system', name: 'demo' }, log: (l) => lines.push(l), unit: (code) => codes.get(code)! }, new Map([['plan-2021', 42]]));
    });
  });
  afterAll(async () => {
    unregister();
    await t?.close();
  });

  it.skipIf(database.skip)('publishes the 2021 stories and keeps the draft and the one in review off the portal', async () => {
    expect(lines.join('\n')).toContain('8 bài đã xuất bản');
    const home = await t.app.inject({ url: '/' });
    for (const a of DEMO_ARTICLES) {
      const page = await t.app.inject({ url: `/tin-tuc/${slugify(a.title, 88)}` });
      expect(page.statusCode, a.title).toBe(a.status === 'published' ? 200 : 404);
      if (a.status !== 'published') expect(home.body).not.toContain(a.title);
    }
    expect(home.body).toContain('Sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW, kỷ niệm 75 năm Ngày Bác Hồ về thăm Hải Phòng');
    const plan = await t.app.inject({ url: '/tin-tuc/thanh-uy-ban-hanh-ke-hoach-hoc-tap-va-lam-theo-bac-nam-2021' });
    expect(plan.body).toContain('Thứ Tư, 24/02/2021 09:49');
    expect(plan.body).toContain('Kế hoạch: <a href="https://ke-hoach.example.vn/42">Kế hoạch năm 2021 thực hiện Chỉ thị 05-CT/TW</a>');
    expect([...plan.body.matchAll(/<h3><a href="\/tin-tuc\//g)].length).toBeGreaterThanOrEqual(3);
    const search = await t.app.inject({ url: '/tim-kiem?q=truong%20thcs%20hoang%20dieu' });
    expect(search.body).toContain('Trường THCS Hoàng Diệu đưa bài học về Bác vào giờ sinh hoạt lớp');
  });
});
