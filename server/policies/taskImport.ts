import type { Actor } from '../context.js';
import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/** A preview as its rules need it: whose it is. */
export interface ImportPreviewSubject {
  createdById: string;
}

const office = (a: Actor | null) => hasRole(a, 'hq_office');
// A preview is its creator's draft: another office member has no business in it (404, not 403).
const own = (a: Actor | null, p: ImportPreviewSubject) => office(a) && p.createdById === a!.userId;

/**
 * Task imports (任务分解表, pasted 方案): the HQ office breaks plans down into tasks, so it imports
 * them; each preview is read, fixed and committed by the person who made it.
 */
export const taskImportPolicy = definePolicy({
  route: { preview: office, read: office, update: office, commit: office },
  row: { read: own, update: own, commit: own },
});
