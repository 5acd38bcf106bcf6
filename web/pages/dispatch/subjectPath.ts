import type { TrackedSubjectType } from '../../../domain/dispatch.js';

/** Where a 批示's subject (or a decision's meeting) is read in the app (a blocker has no page of its own: the list shows it). */
export function subjectPath(s: { type: TrackedSubjectType; id: string }): string {
  switch (s.type) {
    case 'report':
      return `/reports/${s.id}`;
    case 'blocker':
      return '/blockers';
    case 'task':
      return `/tasks/${s.id}`;
    case 'target':
      return `/targets/${s.id}`;
    case 'project':
      return `/projects/${s.id}`;
    case 'decision':
      return `/dispatches/${s.id}`;
    case 'meeting':
      return `/meetings/${s.id}`;
    case 'field_visit':
      return `/field-visits/${s.id}`;
    case 'directive':
      return `/directives/${s.id}`;
  }
}
