import type { z } from 'zod';
import type { InspectionKind, KeyLink, LedgerStatus } from '../../domain/ledger.js';
import type {
  Inspection as InspectionSchema,
  InspectionCreate,
  InspectionUpdate,
  Inspector,
  LedgerCreate,
  LedgerEntry as LedgerEntrySchema,
  LedgerReopen,
  LedgerRectify,
  LedgerVerify,
} from '../../domain/schemas/ledger.js';
import type { LedgerAction } from '../../domain/workflows/ledger.js';
import { api, apiUrl } from './client.js';
import type { Item, List } from './types.js';

export type Inspection = z.infer<typeof InspectionSchema>;
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/** The ledger's filters as the address and the API name them. */
export interface LedgerFilter {
  campaign?: string | undefined;
  unit?: string | undefined;
  link?: KeyLink | undefined;
  status?: LedgerStatus | undefined;
  overdue?: 'true' | undefined;
  page?: number | undefined;
  perPage?: number | undefined;
}

/** 督查活动: campaigns. */
export const listInspections = (f: { kind?: InspectionKind | undefined; page?: number; perPage?: number } = {}) => api<List<Inspection>>('/inspections', { query: { perPage: 100, ...f } });
export const getInspection = (id: string) => api<Item<Inspection>>(`/inspections/${id}`);
/** Who may be named a campaign's inspector (for those who plan campaigns). */
export const listInspectors = () => api<{ data: Inspector[] }>('/inspections/inspectors');
export const createInspection = (body: z.input<typeof InspectionCreate>) => api<Item<Inspection>>('/inspections', { method: 'POST', body });
export const updateInspection = (id: string, body: z.input<typeof InspectionUpdate>) => api<Item<Inspection>>(`/inspections/${id}`, { method: 'PATCH', body });

/** 督查台账: entries as the reader may see them (a unit its own). */
export const listLedger = (f: LedgerFilter = {}) => api<List<LedgerEntry>>('/ledger', { query: { perPage: 20, ...f } });
export const getLedgerEntry = (id: string) => api<Item<LedgerEntry>>(`/ledger/${id}`);
/** The same entries as the list (its filters, every page) as the office's workbook: a plain link, so the browser saves it under the server's file name. */
export const ledgerXlsxUrl = ({ page: _page, perPage: _perPage, ...f }: LedgerFilter) => apiUrl('/ledger.xlsx', { ...f });
export const createLedgerEntry = (body: z.input<typeof LedgerCreate>) => api<Item<LedgerEntry>>('/ledger', { method: 'POST', body });

/** Each step's body besides `version`: one route per step (`POST /api/ledger/:id/<step>`). */
export interface LedgerStepBodies {
  acknowledge: Record<string, never>;
  rectify: Omit<z.input<typeof LedgerRectify>, 'version'>;
  verify: Omit<z.input<typeof LedgerVerify>, 'version'>;
  reopen: Omit<z.input<typeof LedgerReopen>, 'version'>;
  close: Record<string, never>;
}
export const stepLedger = <A extends LedgerAction>(id: string, action: A, version: number, body: LedgerStepBodies[A]) =>
  api<Item<LedgerEntry>>(`/ledger/${id}/${action}`, { method: 'POST', body: { ...body, version } });
