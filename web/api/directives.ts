import type { z } from 'zod';
import type { Directive as DirectiveSchema, DirectiveCreate, DirectiveDetail as DirectiveDetailSchema, DirectivePoint } from '../../domain/schemas/directive.js';
import { api } from './client.js';
import type { Item, List } from './types.js';

export type Directive = z.infer<typeof DirectiveSchema>;
export type DirectiveDetail = z.infer<typeof DirectiveDetailSchema>;

export const listDirectives = (f: { page?: number; perPage?: number } = {}) => api<List<Directive>>('/directives', { query: { perPage: 50, ...f } });
export const getDirective = (id: string) => api<Item<DirectiveDetail>>(`/directives/${id}`);
export const registerDirective = (body: z.input<typeof DirectiveCreate>) => api<Item<DirectiveDetail>>('/directives', { method: 'POST', body });
export const addDirectivePoint = (id: string, body: z.input<typeof DirectivePoint>) => api<Item<DirectiveDetail>>(`/directives/${id}/points`, { method: 'POST', body });
