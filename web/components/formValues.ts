import type { Dayjs } from 'dayjs';

/**
 * A form's values: the shared schema's input (`z.input<typeof TaskCreate>`), with its date fields
 * as the date pickers hold them (Dayjs, or null when cleared); the submit turns them into ISO days.
 */
export type FormValues<T, Dates extends keyof T = never> = Omit<T, Dates> & { [K in Dates]?: Dayjs | null };
