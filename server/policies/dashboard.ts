import { hasRole } from './actor.js';
import { definePolicy } from './policy.js';
import { SEE_ALL_REPORTS } from './report.js';

/**
 * The leading group's dashboard counts the whole district: for those who read all of it (leader,
 * HQ office, inspectors, assessors). Other roles' slices are their workbenches for now.
 */
export const dashboardPolicy = definePolicy({
  route: {
    read: (a) => hasRole(a, ...SEE_ALL_REPORTS),
  },
});
