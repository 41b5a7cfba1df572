/**
 * News about plans and events, end to end on the demo: the stories link to the city's 2021 plan and
 * its conferences, the portal names them, and an editor cannot link a plan that was never issued.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { SYSTEM_CLI } from '../core/actor';
import { loadConfig } from '../config';
import type { DbHandle } from '../db/connection';
import { loadDemo } from '../demo';
import * as plans from '../modules/plans/plans.service';
import { testDatabases } from '../test/databases';
import { login } from '../test/fixtures';

const databases = await testDatabases();

describe.each(databases)('news linked to plans and events on $name', (database) => {
  let handle: DbHandle;
  let app: FastifyInstance;
  let dataDir: string;

  beforeAll(async () => {
    if (database.skip) return;
    handle = await database.open();
    await loadDemo(handle.db, { log: () => undefined });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-news-links-'));
    app = await buildApp({ handle, config: loadConfig({ WEB_DIST: '/nonexistent', DATA_DIR: dataDir }) });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(database.skip)('shows on each story the plan and the conference it reports on', async () => {
    const planStory = await app.inject({ url: '/tin-tuc/thanh-uy-ban-hanh-ke-hoach-hoc-tap-va-lam-theo-bac-nam-2021' });
    expect(planStory.statusCode).toBe(200);
    expect(planStory.body).toMatch(/<li>Kế hoạch: [^<]+ \(số \d+-KH\/TU\)<\/li>/);
    const review = await app.inject({ url: '/tin-tuc/so-ket-5-nam-thuc-hien-chi-thi-05-ct-tw-ky-niem-75-nam-ngay-bac-ho-ve-tham-hai-phong' });
    expect(review.body).toContain('<li>Sự kiện: Hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW');
    expect(review.body).toContain('(19/10/2021)</li>');
    expect(review.body).toMatch(/<li>Kế hoạch: [^<]+ \(số \d+-KH\/TU\)<\/li>/);
    const school = await app.inject({ url: '/tin-tuc/truong-thcs-hoang-dieu-dua-bai-hoc-ve-bac-vao-gio-sinh-hoat-lop' });
    expect(school.body).toContain('<li>Sự kiện: Sinh hoạt chuyên đề &quot;Hồ Chí Minh – đẹp nhất tên Người&quot; (19/05/2021)</li>');
    const inspection = await app.inject({ url: '/tin-tuc/doan-kiem-tra-cua-ban-thuong-vu-thanh-uy-lam-viec-tai-quan-uy-ngo-quyen' });
    expect(inspection.statusCode).toBe(200);
    expect(inspection.body).toMatch(/<li>Nhiệm vụ: 6\. Kiểm tra, giám sát — [^<]+ \(số \d+-KH\/TU\)<\/li>/);
  });

  it.skipIf(database.skip)('links a task only while it belongs to the issued version of its plan', async () => {
    const editor = await login(app, 'bientap', 'lamtheo-demo');
    const category = (await editor.inject({ url: '/api/v1/news/categories' })).json()[0].id;
    const btg = (await handle.db.selectFrom('org_units').select('id').where('code', '=', 'TU-HP-BTG').executeTakeFirstOrThrow()).id;
    const create = (links: unknown) => editor.inject({ method: 'POST', url: '/api/v1/news/articles', payload: { unitId: btg, categoryId: category, title: 'Bài về một nhiệm vụ', links } });
    const [cityPlan] = (await plans.listPlans(handle.db, SYSTEM_CLI, { status: 'issued', year: 2021, q: 'hoc tap va lam theo', limit: 50, offset: 0 })).items
      .filter((p) => p.number?.endsWith('-KH/TU'));
    const propaganda = cityPlan.taskGroups.find((g) => g.title === 'Công tác tuyên truyền')!;
    const ok = await create([{ kind: 'task', id: propaganda.id }]);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().links[0]).toMatchObject({ kind: 'task', id: propaganda.id, resolved: true });
    expect(ok.json().links[0].title).toContain(`${propaganda.number}. Công tác tuyên truyền`);

    const [draftPlan] = (await plans.listPlans(handle.db, SYSTEM_CLI, { status: 'draft', limit: 1, offset: 0 })).items;
    const draftTask = (await plans.getPlan(handle.db, SYSTEM_CLI, draftPlan.id)).tasks[0];
    expect(draftTask).toBeDefined();
    for (const id of [draftTask.id, 999_999]) {
      const refused = await create([{ kind: 'task', id }]);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details[0].field).toBe('links.0.id');
    }
  });

  it.skipIf(database.skip)('refuses a link to a plan that was never issued, or to an event that does not exist', async () => {
    const editor = await login(app, 'bientap', 'lamtheo-demo');
    const [draftPlan] = (await plans.listPlans(handle.db, SYSTEM_CLI, { status: 'draft', limit: 1, offset: 0 })).items;
    expect(draftPlan).toBeDefined();
    const category = (await editor.inject({ url: '/api/v1/news/categories' })).json()[0].id;
    const btg = (await handle.db.selectFrom('org_units').select('id').where('code', '=', 'TU-HP-BTG').executeTakeFirstOrThrow()).id;
    const create = (links: unknown) => editor.inject({ method: 'POST', url: '/api/v1/news/articles', payload: { unitId: btg, categoryId: category, title: 'Bài thử liên kết', links } });
    const draft = await create([{ kind: 'plan', id: draftPlan.id }]);
    expect(draft.statusCode).toBe(400);
    expect(draft.json().error.details[0].field).toBe('links.0.id');
    const noEvent = await create([{ kind: 'event', id: 999_999 }]);
    expect(noEvent.statusCode).toBe(400);
    const events = (await editor.inject({ url: '/api/v1/events?limit=1' })).json().items;
    const ok = await create([{ kind: 'event', id: events[0].id }]);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().links[0]).toMatchObject({ kind: 'event', id: events[0].id, resolved: true });
  });
});
