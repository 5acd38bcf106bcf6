import type { App } from '../app.js';
import type { AuthThrottle } from '../security/authThrottle.js';
import type { StreamLimits } from '../feed/feedStream.js';
import auditRoutes from './audit.js';
import authRoutes from './auth.js';
import calendarRoutes from './calendar.js';
import dashboardRoutes from './dashboard.js';
import dispatchRoutes from './dispatch/dispatches.js';
import instructionRoutes from './dispatch/instructions.js';
import meetingRoutes from './meetings/meetings.js';
import fieldVisitRoutes from './fieldVisits/fieldVisits.js';
import directiveRoutes from './directives/directives.js';
import feedRoutes from './feed.js';
import healthRoutes from './health.js';
import inspectionRoutes from './inspections/inspections.js';
import ledgerRoutes from './inspections/ledger.js';
import meRoutes from './me.js';
import oversightRoutes from './oversight/oversight.js';
import orgRoutes from './org.js';
import { registerPlanningRoutes } from './planning/index.js';
import { registerReportingRoutes } from './reporting/index.js';
import roleProposalRoutes from './roleProposals.js';
import securityPolicyRoutes from './securityPolicy.js';
import userRoutes from './users.js';

/** Every resource's routes; one plugin per resource. */
export function registerRoutes(app: App, opts: { secureCookies: boolean; throttle: AuthThrottle; feedLimits?: Partial<StreamLimits> }) {
  healthRoutes(app);
  authRoutes(app, opts);
  meRoutes(app);
  orgRoutes(app);
  userRoutes(app);
  roleProposalRoutes(app);
  securityPolicyRoutes(app);
  auditRoutes(app);
  calendarRoutes(app);
  registerPlanningRoutes(app);
  registerReportingRoutes(app);
  dashboardRoutes(app);
  dispatchRoutes(app);
  instructionRoutes(app);
  meetingRoutes(app);
  fieldVisitRoutes(app);
  directiveRoutes(app);
  inspectionRoutes(app);
  ledgerRoutes(app);
  oversightRoutes(app);
  feedRoutes(app, opts.feedLimits);
}
