import type { z } from 'zod';
import type { CalendarOverride as OverrideSchema, CalendarOverrideBody } from '../../domain/schemas/calendar.js';
import { api } from './client.js';
import type { Item, Policies } from './types.js';

export type CalendarOverride = z.infer<typeof OverrideSchema>;
export type CalendarOverrideInput = z.input<typeof CalendarOverrideBody>;

export const listCalendarOverrides = (year: number) => api<{ data: CalendarOverride[]; policies: Policies }>('/calendar/overrides', { query: { year } });
export const saveCalendarOverride = (date: string, input: CalendarOverrideInput) =>
  api<Item<CalendarOverride>>(`/calendar/overrides/${date}`, { method: 'PUT', body: input });
export const deleteCalendarOverride = (date: string) => api<{ ok: true }>(`/calendar/overrides/${date}`, { method: 'DELETE' });
