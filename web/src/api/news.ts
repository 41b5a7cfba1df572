/** The news editor: categories, articles, their workflow, versions and images. */
import type { z } from 'zod';
import type {
  article, articleList, articleVersion, category, createArticleBody, createCategoryBody, linkKinds, listArticlesQuery,
  transitionBody, updateArticleBody, updateCategoryBody, uploadedImage,
} from '../../../src/modules/news/news.contract';
import { api } from './client';

export type Article = z.infer<typeof article>;
export type ArticleList = z.infer<typeof articleList>;
export type ArticleStatus = Article['status'];
export type ArticleVersion = z.infer<typeof articleVersion>;
export type Category = z.infer<typeof category>;
export type LinkKind = z.infer<typeof linkKinds>[number];
export type UploadedImage = z.infer<typeof uploadedImage>;
export type ListArticlesQuery = z.input<typeof listArticlesQuery>;
export type CreateArticleInput = z.input<typeof createArticleBody>;
export type UpdateArticleInput = z.input<typeof updateArticleBody>;
export type TransitionInput = z.input<typeof transitionBody>;
export type CreateCategoryInput = z.input<typeof createCategoryBody>;
export type UpdateCategoryInput = z.input<typeof updateCategoryBody>;
export type Transition = 'submit' | 'return' | 'publish' | 'unpublish' | 'reopen';

export const listCategories = (includeInactive = false) => api.get<Category[]>('/news/categories', { includeInactive: includeInactive ? 'true' : undefined });
export const createCategory = (input: CreateCategoryInput) => api.post<Category>('/news/categories', input);
export const updateCategory = (id: number, input: UpdateCategoryInput) => api.patch<Category>(`/news/categories/${id}`, input);
export const listLinkKinds = () => api.get<LinkKind[]>('/news/link-kinds');

export const listArticles = (query: ListArticlesQuery, signal?: AbortSignal) => api.get<ArticleList>('/news/articles', query, signal);
export const getArticle = (id: number) => api.get<Article>(`/news/articles/${id}`);
export const createArticle = (input: CreateArticleInput) => api.post<Article>('/news/articles', input);
export const updateArticle = (id: number, input: UpdateArticleInput) => api.patch<Article>(`/news/articles/${id}`, input);
export const transitionArticle = (id: number, name: Transition, input: TransitionInput) => api.post<Article>(`/news/articles/${id}/${name}`, input);
export const listVersions = (id: number) => api.get<ArticleVersion[]>(`/news/articles/${id}/versions`);

export function uploadImage(id: number, file: File): Promise<UploadedImage> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<UploadedImage>(`/news/articles/${id}/images`, form);
}

/** The server-rendered preview (opens in a new tab; works in every status). */
export const previewUrl = (id: number) => `/api/v1/news/articles/${id}/preview`;
