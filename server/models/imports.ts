import type { importPreviews } from '../db/schema/index.js';

/** An import preview without its rows (read apart: a fix reads one row, the page all of them). */
export type PreviewHead = Omit<typeof importPreviews.$inferSelect, 'rows'>;
