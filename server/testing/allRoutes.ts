import { DISPATCH_MATRIX, DISPATCH_ROUTE_CALLS, DISPATCH_WRITE_TARGETS } from './dispatchCalls.js';
import { MEETING_MATRIX, MEETING_ROUTE_CALLS, MEETING_WRITE_TARGETS } from './meetingCalls.js';
import { FIELD_VISIT_MATRIX, FIELD_VISIT_ROUTE_CALLS, FIELD_VISIT_WRITE_TARGETS } from './fieldVisitCalls.js';
import { FEED_MATRIX, FEED_ROUTE_CALLS, FEED_WRITE_TARGETS } from './feedCalls.js';
import { PLANNING_MATRIX, PLANNING_ROUTE_CALLS, PLANNING_WRITE_TARGETS } from './planningCalls.js';
import { REPORTING_MATRIX, REPORTING_ROUTE_CALLS, REPORTING_WRITE_TARGETS } from './reportingRouteCalls.js';
import { ROUTE_CALLS, WRITE_TARGETS } from './routeCalls.js';

/**
 * Each area's call builders, write targets and authorization lines, gathered for the app-wide
 * matrix and garbage tests. A new area adds its three exports here; the matrix test fails until it does.
 */
export const ALL_ROUTE_CALLS = { ...ROUTE_CALLS, ...PLANNING_ROUTE_CALLS, ...REPORTING_ROUTE_CALLS, ...DISPATCH_ROUTE_CALLS, ...FEED_ROUTE_CALLS, ...MEETING_ROUTE_CALLS, ...FIELD_VISIT_ROUTE_CALLS };
export const ALL_WRITE_TARGETS = [...WRITE_TARGETS, ...PLANNING_WRITE_TARGETS, ...REPORTING_WRITE_TARGETS, ...DISPATCH_WRITE_TARGETS, ...FEED_WRITE_TARGETS, ...MEETING_WRITE_TARGETS, ...FIELD_VISIT_WRITE_TARGETS];
export const AREA_MATRICES = { ...PLANNING_MATRIX, ...REPORTING_MATRIX, ...DISPATCH_MATRIX, ...FEED_MATRIX, ...MEETING_MATRIX, ...FIELD_VISIT_MATRIX };
