import type { z } from 'zod';
import type { ArticleKind, ArticleStatus } from '../../domain/articles.js';
import type { Article as ArticleSchema, ArticleCreate, ArticleUpdate, BriefingCreate } from '../../domain/schemas/article.js';
import type { ArticleAction } from '../../domain/workflows/article.js';
import { api, apiUrl } from './client.js';
import type { Item, List } from './types.js';

export type Article = z.infer<typeof ArticleSchema>;

/** 宣传 articles as the publicity office and its reviewers see them. */
export const listArticles = (f: { status?: ArticleStatus | undefined; kind?: ArticleKind | undefined; page?: number; perPage?: number } = {}) =>
  api<List<Article>>('/articles', { query: { perPage: 50, ...f } });
export const getArticle = (id: string) => api<Item<Article>>(`/articles/${id}`);
export const createArticle = (body: z.input<typeof ArticleCreate>) => api<Item<Article>>('/articles', { method: 'POST', body });
export const updateArticle = (id: string, body: z.input<typeof ArticleUpdate>) => api<Item<Article>>(`/articles/${id}`, { method: 'PATCH', body });
/** One workflow step: submit, approve (= publish), return (with its reason), withdraw, revise. */
export const stepArticle = (id: string, action: ArticleAction, version: number, reason?: string) =>
  api<Item<Article>>(`/articles/${id}/${action}`, { method: 'POST', body: { version, ...(reason ? { reason } : {}) } });
/** 生成简报: a draft of kind 简报 from the period's facts. */
export const generateBriefing = (body: z.input<typeof BriefingCreate>) => api<Item<Article>>('/briefings', { method: 'POST', body });
/** The article as a .docx in the official layout (a plain link, saved under the server's file name). */
export const briefingDocxUrl = (id: string) => apiUrl(`/briefings/${id}.docx`, {});

/** Uploads one image for an article's body; the answer's `src` is what the editor puts in. */
export async function uploadArticleImage(file: File): Promise<{ sha256: string; src: string }> {
  const form = new FormData();
  form.append('file', file);
  return (await api<{ data: { sha256: string; src: string } }>('/articles/images', { method: 'POST', body: form })).data;
}
