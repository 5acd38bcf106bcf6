import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.js';

/**
 * Puts the server's per-field messages (error.fields) on the form's fields. A field with an empty
 * message gets the error's main message; `rename` maps a server path to the form's (e.g. drops a wrapper). Returns true when at least one field was marked.
 */
export function applyFieldErrors<T>(form: FormInstance<T>, error: unknown, known: readonly string[], rename: (name: string) => string = (n) => n): boolean {
  if (!(error instanceof ApiError)) return false;
  const marks = Object.entries(error.fields)
    .map(([name, msg]) => [rename(name), msg] as const)
    .filter(([name]) => known.includes(name.split('.')[0] ?? ''))
    .map(([name, msg]) => ({ name: name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [msg || error.message] }));
  if (marks.length) form.setFields(marks as Parameters<FormInstance<T>['setFields']>[0]);
  return marks.length > 0;
}

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
