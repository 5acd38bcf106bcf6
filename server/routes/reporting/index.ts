import type { App } from '../../app.js';
import blockerRoutes from './blockers.js';
import evidenceRoutes from './evidence.js';
import reportRoutes from './reports.js';
import workbenchRoutes from './workbench.js';

/** Progress reports, evidence, blockers and the workbenches. */
export function registerReportingRoutes(app: App): void {
  reportRoutes(app);
  evidenceRoutes(app);
  blockerRoutes(app);
  workbenchRoutes(app);
}
