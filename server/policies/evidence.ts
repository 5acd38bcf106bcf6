import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';
import { reportPolicy } from './report.js';

/**
 * Evidence: the people who write or check reports upload files. Those who may read reports may ask
 * for a file, and the query then serves it only to its uploaders and to those who can see a report
 * using it; the oversight role reads files that back a written response or a kept promise (the
 * query decides which); the admin duties and the other roles never see evidence.
 */
export const evidencePolicy = definePolicy({
  route: {
    upload: (a) => hasRole(a, 'liaison', 'unit_head', 'task_force', 'hq_office'),
    read: (a) => reportPolicy.route.read(a) || hasRole(a, 'oversight'),
  },
});
