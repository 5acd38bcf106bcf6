import { z } from 'zod';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { ErrorBody, PageInfo } from '../../../domain/schemas/common.js';
import { Policies } from '../../../domain/schemas/work.js';
import { now as clockNow } from '../../clock.js';

/** Every refusal a planning route may answer, in the house error shape. */
export const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

/** `{ data: [...], policies }` for short lists that are not paged. */
export const allOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), policies: Policies });

export const pageOf = (page: number, perPage: number, total: number): z.infer<typeof PageInfo> => ({ page, perPage, total });

/** The year lists and pages speak of ("this year's goal", "this year's investment"): the district's (Asia/Shanghai's) current year. */
export const thisYear = (): number => Number(shanghaiDate(clockNow()).slice(0, 4));
