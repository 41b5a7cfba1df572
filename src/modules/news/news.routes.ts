import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../core/contract';
import { invalidField } from '../../core/errors';
import {
  article, articleList, articleVersion, category, createArticleBody, createCategoryBody, linkKinds, listArticlesQuery,
  listCategoriesQuery, transitionBody, updateArticleBody, updateCategoryBody, uploadedImage,
} from './news.contract';
import * as categories from './news-category.service';
import * as news from './news.service';

const TRANSITION_SUMMARIES: Record<news.Transition, string> = {
  submit: 'Send a draft for review',
  return: 'Return an article in review to its writers, with the reason',
  publish: 'Publish (now, at the time set, or at publishAt); republish an unpublished article',
  unpublish: 'Take a published article off the portal, with the reason',
  reopen: 'Turn an unpublished article back into a draft',
};

export async function newsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['news'];

  r.get('/api/v1/news/categories', {
    schema: { tags, summary: 'Categories of the portal', querystring: listCategoriesQuery, response: { 200: z.array(category) } },
  }, async (req) => app.read((db) => categories.listCategories(db, req.actor, req.query)));

  r.post('/api/v1/news/categories', {
    schema: { tags, summary: 'Create a category held at a unit', body: createCategoryBody, response: { 201: category } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => categories.createCategory(db, req.actor, req.body))));

  r.patch('/api/v1/news/categories/:id', {
    schema: { tags, summary: 'Rename, reorder, retire or restore a category', params: idParams, body: updateCategoryBody, response: { 200: category } },
  }, async (req) => app.write((db) => categories.updateCategory(db, req.actor, req.params.id, req.body)));

  r.get('/api/v1/news/link-kinds', {
    schema: { tags, summary: 'What an article can report on, and which kinds resolve in this installation', response: { 200: linkKinds } },
  }, async (req) => news.linkKinds(req.actor));

  r.get('/api/v1/news/articles', {
    schema: { tags, summary: 'Articles of the units I write for, newest change first, with counts per status', querystring: listArticlesQuery, response: { 200: articleList } },
  }, async (req) => app.read((db) => news.listArticles(db, req.actor, req.query)));

  r.post('/api/v1/news/articles', {
    schema: { tags, summary: 'Create a draft (body sanitized)', body: createArticleBody, response: { 201: article } },
  }, async (req, reply) => reply.code(201).send(await app.write((db) => news.createArticle(db, req.actor, req.body))));

  r.get('/api/v1/news/articles/:id', {
    schema: { tags, summary: 'One article with its links and images', params: idParams, response: { 200: article } },
  }, async (req) => app.read((db) => news.getArticle(db, req.actor, req.params.id)));

  r.patch('/api/v1/news/articles/:id', {
    schema: { tags, summary: 'Edit an article (send the version you started from)', params: idParams, body: updateArticleBody, response: { 200: article } },
  }, async (req) => app.write((db) => news.updateArticle(db, req.actor, req.params.id, req.body)));

  r.get('/api/v1/news/articles/:id/versions', {
    schema: { tags, summary: 'Every version of the article, newest first', params: idParams, response: { 200: z.array(articleVersion) } },
  }, async (req) => app.read((db) => news.listVersions(db, req.actor, req.params.id)));

  for (const name of Object.keys(TRANSITION_SUMMARIES) as news.Transition[]) {
    r.post(`/api/v1/news/articles/:id/${name}`, {
      schema: { tags, summary: TRANSITION_SUMMARIES[name], params: idParams, body: transitionBody, response: { 200: article } },
    }, async (req) => app.write((db) => news.transition(db, req.actor, req.params.id, name, req.body)));
  }

  r.post('/api/v1/news/articles/:id/images', {
    schema: {
      tags, summary: 'Upload an image for the article (multipart field "file"; JPEG, PNG, WebP or GIF by content; at most 5 MB)',
      params: idParams, consumes: ['multipart/form-data'], response: { 201: uploadedImage },
    },
  }, async (req, reply) => {
    const part = await req.file({ limits: { fileSize: news.NEWS_IMAGE_MAX_BYTES, files: 1 } });
    if (!part) throw invalidField('file', 'chưa chọn tệp ảnh', 'no image file was sent');
    const bytes = await part.toBuffer().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
        throw invalidField('file', `ảnh lớn hơn giới hạn ${news.NEWS_IMAGE_MAX_BYTES / 1024 / 1024} MB`, `the image exceeds ${news.NEWS_IMAGE_MAX_BYTES / 1024 / 1024} MB`);
      }
      throw error;
    });
    const uploaded = await app.write((db) => news.uploadImage(db, app.fileStore, req.actor, req.params.id, { bytes, originalName: part.filename }));
    return reply.code(201).send(uploaded);
  });
}
