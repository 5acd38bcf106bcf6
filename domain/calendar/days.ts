/** A calendar date in Asia/Shanghai, as `YYYY-MM-DD`. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has no daylight saving time.
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid ISO date; NaN for anything else (bad month, 02-30, …). */
export function dayNumber(d: IsoDate): number {
  const m = ISO.exec(d);
  if (!m) return NaN;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === d ? t / DAY_MS : NaN;
}

export const isIsoDate = (d: string): boolean => !Number.isNaN(dayNumber(d));

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (n: number): number => (((n + 4) % 7) + 7) % 7;

/** Today's date in Asia/Shanghai for an instant. */
export function shanghaiDate(now: Date): IsoDate {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The wall-clock time in Asia/Shanghai for an instant, as people read it: `YYYY-MM-DD HH:mm:ss`. */
export function shanghaiDateTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
