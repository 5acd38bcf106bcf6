import type { JobProgressView } from '../../domain/schemas/progress.js';
import { api, ApiError } from './client.js';

export type { JobProgressView };

/** A new job's name, made up here: the server keys its progress by it and by the user. */
export const newJobId = (): string => crypto.randomUUID();

/** How far the job has come; null while the server has not heard of it yet (or does not report on it). */
export async function jobProgress(id: string): Promise<JobProgressView | null> {
  try {
    return (await api<{ data: JobProgressView }>(`/jobs/${id}/progress`)).data;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}
