import type { ItemType } from '../../../domain/work.js';

/** The page of a task, target or project. */
export const itemPath = (type: ItemType, id: string): string => `/${type}s/${id}`;

/** The form for a new report on an item and period. */
export const newReportPath = (type: ItemType, id: string, period?: string): string =>
  `/reports/new?${new URLSearchParams({ itemType: type, itemId: id, ...(period ? { period } : {}) }).toString()}`;
