import type { App } from '../../app.js';

/** Progress reports, evidence, blockers and the workbenches. */
export function registerReportingRoutes(_app: App): void {}
