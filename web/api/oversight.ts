import type { z } from 'zod';
import type { CaseCategory, CaseSource, CaseStatus } from '../../domain/oversight.js';
import type {
  CaseHandle,
  Figures as FiguresSchema,
  OversightCase as OversightCaseSchema,
  OversightCaseCreate,
  Watch as WatchSchema,
} from '../../domain/schemas/oversight.js';
import type { CaseAction } from '../../domain/workflows/oversightCase.js';
import { api } from './client.js';
import type { Item, List } from './types.js';

export type OversightCase = z.infer<typeof OversightCaseSchema>;
export type Watch = z.infer<typeof WatchSchema>;
export type Figures = z.infer<typeof FiguresSchema>;

/** The case list's filters as the address and the API name them. */
export interface CaseFilter {
  status?: CaseStatus | undefined;
  category?: CaseCategory | undefined;
  source?: CaseSource | undefined;
  /** Words in the title or summary. */
  q?: string | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
}

/** 问题线索: the oversight role's alone (anyone else gets the API's 404). */
export const listCases = (f: CaseFilter = {}) => api<List<OversightCase>>('/oversight/cases', { query: { perPage: 20, ...f } });
export const getCase = (id: string) => api<Item<OversightCase>>(`/oversight/cases/${id}`);
export const createCase = (body: z.input<typeof OversightCaseCreate>) => api<Item<OversightCase>>('/oversight/cases', { method: 'POST', body });
export const addCaseNote = (id: string, content: string) => api<Item<OversightCase>>(`/oversight/cases/${id}/notes`, { method: 'POST', body: { content } });

/** Each step's body besides `version` (`POST /api/oversight/cases/:id/<step>`). */
export interface CaseStepBodies {
  verify: { comment?: string };
  handle: Omit<z.input<typeof CaseHandle>, 'version'>;
  close: { comment?: string };
}
export const stepCase = <A extends CaseAction>(id: string, action: A, version: number, body: CaseStepBodies[A]) =>
  api<Item<OversightCase>>(`/oversight/cases/${id}/${action}`, { method: 'POST', body: { ...body, version } });

/** 监督哨: items red or overdue and blockers stuck for `days` workdays or more. */
export const getWatch = (days: number) => api<Item<Watch>>('/oversight/watch', { query: { days } });
/** 遏增清存 for a period (this year to date by default). */
export const getFigures = (from?: string, to?: string) => api<Item<Figures>>('/oversight/figures', { query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } });
