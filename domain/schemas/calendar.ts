import { z } from 'zod';
import { isIsoDate } from '../calendar/days.js';
import { LIMITS } from '../limits.js';
import { rule } from './ruleMessages.js';

export const IsoDateString = z.string(rule('date')).refine(isIsoDate, rule('date'));

export const WorkdaysQuery = z
  .strictObject({ from: IsoDateString, to: IsoDateString })
  .refine((q) => q.from <= q.to && Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 10, { path: ['to'], message: 'range' });
export const WorkdaysAnswer = z.object({ workdays: z.number() });

export const CalendarOverride = z.object({ date: z.string(), workday: z.boolean(), note: z.string(), version: z.number() });
export const CalendarOverrideBody = z.strictObject({
  workday: z.boolean(),
  note: z.string().trim().max(LIMITS.name).default(''),
  version: z.number().int().min(0).optional(),
});
export const DateParams = z.strictObject({ date: IsoDateString });
export const YearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
