/**
 * Permission-matrix and fuzzing entries for the news editor routes (see src/test/route-catalog.ts).
 * An article belongs to the target unit; workflow steps and edits consume their article, so each
 * request makes a new one in the state the route needs. Editing a draft is news.write, editing a
 * published article news.publish.
 */
import { PNG } from 'pngjs';
import { SYSTEM_CLI } from '../../core/actor';
import { multipartFile, type CatalogEntry } from '../../test/catalog-entry';
import type { CatalogFixtures } from '../../test/catalog-fixtures';
import type { Article } from './news.contract';
import * as categories from './news-category.service';
import * as news from './news.service';

type State = 'draft' | 'in_review' | 'published' | 'unpublished';

/** One category for the whole run, held at the city committee. */
const categoryOf = (fx: CatalogFixtures) => fx.cached('news-category', async () =>
  (await fx.write((tx) => categories.createCategory(tx, SYSTEM_CLI, { unitId: fx.tree.city, name: fx.unique('Chuyên mục '), sortOrder: 0 }))).id);

/** A new article of the target unit in the state the route needs (workflow steps consume their article). */
async function articleAt(fx: CatalogFixtures, unitId: number, state: State = 'draft'): Promise<Article> {
  const categoryId = await categoryOf(fx);
  return fx.write(async (tx) => {
    let a = await news.createArticle(tx, SYSTEM_CLI, { unitId, categoryId, title: fx.unique('Bài thử nghiệm '), summary: '', bodyHtml: '<p>Nội dung</p>', links: [] });
    const step = async (name: news.Transition, extra: object = {}) => { a = await news.transition(tx, SYSTEM_CLI, a.id, name, { version: a.version, ...extra }); };
    if (state !== 'draft') await step('submit');
    if (state === 'published' || state === 'unpublished') await step('publish');
    if (state === 'unpublished') await step('unpublish', { note: 'Gỡ thử' });
    return a;
  });
}

function png(): Buffer {
  const image = new PNG({ width: 4, height: 4 });
  image.data.fill(200);
  return PNG.sync.write(image);
}

const transition = (name: news.Transition, state: State, action: 'news.write' | 'news.publish', extra: object = {}): CatalogEntry => ({
  method: 'POST', url: `/api/v1/news/articles/:id/${name}`,
  probes: [{
    kind: 'unit', action,
    request: async (fx, { target }) => {
      const a = await articleAt(fx, target, state);
      return { params: { id: a.id }, body: { version: a.version, ...extra } };
    },
  }],
});

export const newsCatalog: CatalogEntry[] = [
  { method: 'GET', url: '/api/v1/news/categories', probes: [{ kind: 'signed-in', status: 200, request: () => ({}) }] },
  {
    method: 'POST', url: '/api/v1/news/categories',
    probes: [{ kind: 'unit', action: 'news.category.manage', request: (fx, { target }) => ({ body: { unitId: target, name: fx.unique('Chuyên mục ') } }) }],
  },
  {
    method: 'PATCH', url: '/api/v1/news/categories/:id',
    probes: [{
      kind: 'unit', action: 'news.category.manage',
      request: async (fx, { target }) => {
        const c = await fx.write((tx) => categories.createCategory(tx, SYSTEM_CLI, { unitId: target, name: fx.unique('Chuyên mục '), sortOrder: 0 }));
        return { params: { id: c.id }, body: { sortOrder: 3 } };
      },
    }],
  },
  { method: 'GET', url: '/api/v1/news/link-kinds', probes: [{ kind: 'signed-in', status: 200, request: () => ({}) }] },
  {
    method: 'GET', url: '/api/v1/news/articles',
    probes: [
      { kind: 'unit', action: 'news.write', request: (_fx, { target }) => ({ query: { unit: target } }) },
      { kind: 'role', action: 'news.write', request: () => ({}) },
    ],
  },
  {
    method: 'POST', url: '/api/v1/news/articles',
    probes: [{ kind: 'unit', action: 'news.write', request: async (fx, { target }) => ({ body: { unitId: target, categoryId: await categoryOf(fx), title: fx.unique('Bài mới ') } }) }],
  },
  {
    method: 'GET', url: '/api/v1/news/articles/:id',
    probes: [{ kind: 'unit', action: 'news.write', request: async (fx, { target }) => ({ params: { id: (await articleAt(fx, target)).id } }) }],
  },
  {
    method: 'PATCH', url: '/api/v1/news/articles/:id',
    probes: [
      {
        kind: 'unit', action: 'news.write',
        request: async (fx, { target }) => {
          const a = await articleAt(fx, target, 'draft');
          return { params: { id: a.id }, body: { version: a.version, summary: 'Sửa bản nháp' } };
        },
      },
      {
        kind: 'unit', action: 'news.publish',
        request: async (fx, { target }) => {
          const a = await articleAt(fx, target, 'published');
          return { params: { id: a.id }, body: { version: a.version, summary: 'Đính chính' } };
        },
      },
    ],
  },
  {
    method: 'GET', url: '/api/v1/news/articles/:id/versions',
    probes: [{ kind: 'unit', action: 'news.write', request: async (fx, { target }) => ({ params: { id: (await articleAt(fx, target)).id } }) }],
  },
  {
    method: 'GET', url: '/api/v1/news/articles/:id/preview',
    probes: [{ kind: 'unit', action: 'news.write', request: async (fx, { target }) => ({ params: { id: (await articleAt(fx, target)).id } }) }],
  },
  transition('submit', 'draft', 'news.write'),
  transition('return', 'in_review', 'news.publish', { note: 'Viết lại' }),
  transition('publish', 'in_review', 'news.publish'),
  transition('unpublish', 'published', 'news.publish', { note: 'Gỡ' }),
  transition('reopen', 'unpublished', 'news.write'),
  {
    method: 'POST', url: '/api/v1/news/articles/:id/images',
    probes: [{
      kind: 'unit', action: 'news.write',
      request: async (fx, { target }) => ({ params: { id: (await articleAt(fx, target)).id }, raw: multipartFile('file', 'anh.png', png()) }),
    }],
  },
];
