import dayjs from 'dayjs';
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

/** The server's lockout message carries the machine time; show it as a local wall-clock time. */
export function localiseUnlockTime(message: string, unlocksAt: string | undefined): string {
  if (!unlocksAt) return message;
  return message.includes(unlocksAt) ? message.replace(unlocksAt, formatDateTime(unlocksAt)) : message;
}
