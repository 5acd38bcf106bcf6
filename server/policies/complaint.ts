import { oversees } from './oversightCase.js';
import type { Actor } from '../context.js';
import { definePolicy } from './policy.js';

/** A complaint's row facts: none decide anything yet (the case's visibility is checked first). */
export type ComplaintSubject = Record<string, never>;

/**
 * 营商环境投诉 behind a case: filed by anyone (the public routes need no policy); read, with the
 * contact details, and answered publicly (公开答复) by the oversight role alone, whose routes are
 * hidden from everyone else as every oversight route.
 */
export const complaintPolicy = definePolicy({
  route: { read: oversees, reply: oversees },
  row: { reply: (a: Actor | null, _c: ComplaintSubject) => oversees(a) },
});
