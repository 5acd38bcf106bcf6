import type { z } from 'zod';
import type { DispatchStatus, InstructionSubjectType, TrackedKind } from '../../domain/dispatch.js';
import type { Dispatch as DispatchSchema, DispatchCreate, DispatchDetail as DispatchDetailSchema, DispatchReply, DispatchUpdate, InstructionCreate, Unreported as UnreportedSchema } from '../../domain/schemas/dispatch.js';
import { api, apiUrl } from './client.js';
import type { Item, List } from './types.js';

export type Dispatch = z.infer<typeof DispatchSchema>;
export type DispatchDetail = z.infer<typeof DispatchDetailSchema>;
export type Unreported = z.infer<typeof UnreportedSchema>;
export type DispatchStepName = 'send' | 'chase' | 'close';

export const listDispatches = (f: { status?: DispatchStatus | undefined; kind?: TrackedKind | undefined; page?: number; perPage?: number } = {}) => api<List<Dispatch>>('/dispatches', { query: { perPage: 50, ...f } });
export const getDispatch = (id: string) => api<Item<DispatchDetail>>(`/dispatches/${id}`);
export const createDispatch = (body: z.input<typeof DispatchCreate>) => api<Item<DispatchDetail>>('/dispatches', { method: 'POST', body });
export const updateDispatch = (id: string, body: z.input<typeof DispatchUpdate>) => api<Item<DispatchDetail>>(`/dispatches/${id}`, { method: 'PATCH', body });
export const stepDispatch = (id: string, step: DispatchStepName, version: number) => api<Item<DispatchDetail>>(`/dispatches/${id}/${step}`, { method: 'POST', body: { version } });
export const replyDispatch = (id: string, body: z.input<typeof DispatchReply>) => api<Item<DispatchDetail>>(`/dispatches/${id}/replies`, { method: 'POST', body });
export const unreportedUnits = () => api<Item<Unreported>>('/dispatches/unreported');
/** The results workbook: a plain link, so the browser saves it with the server's file name. */
export const dispatchResultsUrl = (id: string) => apiUrl(`/dispatches/${id}/results.xlsx`);

/** The 批示 on a report, blocker or item that the user may see, with their replies. */
export const listInstructions = (subjectType: InstructionSubjectType, subjectId: string) =>
  api<{ data: DispatchDetail[]; policies: Record<string, boolean> }>('/instructions', { query: { subjectType, subjectId } });
export const issueInstruction = (body: z.input<typeof InstructionCreate>) => api<Item<DispatchDetail>>('/instructions', { method: 'POST', body });
