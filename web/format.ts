import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The district's clock: times are shown in Asia/Shanghai whatever the browser's zone. */
export const ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(ZONE).format('YYYY-MM-DD HH:mm:ss') : iso;
}

/** The time of day (HH:mm, Shanghai) of an ISO timestamp. */
export function formatClock(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.tz(ZONE).format('HH:mm') : iso;
}

/** A calendar date (YYYY-MM-DD) as sent; an ISO timestamp as its Shanghai date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = dayjs(value);
  return d.isValid() ? d.tz(ZONE).format('YYYY-MM-DD') : value;
}

/** Today on the district's clock, as YYYY-MM-DD. */
export const todayInZone = (): string => dayjs().tz(ZONE).format('YYYY-MM-DD');

export { chineseNumeral, trimDecimal } from '../domain/text.js';

/** A picked day as the API takes it (YYYY-MM-DD), or null when none was picked. */
export const isoDay = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

