import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';

/**
 * 上级指示: the HQ office registers a directive and breaks it into points for units; the leader
 * reads them and their replies. A unit meets its points among its orders, where it replies.
 */
export const directivePolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, 'leader', 'hq_office'),
    register: (a) => hasRole(a, 'hq_office'),
  },
  row: {
    read: (a, _d: object) => hasRole(a, 'leader', 'hq_office'),
    addPoint: (a, _d: object) => hasRole(a, 'hq_office'),
  },
});
