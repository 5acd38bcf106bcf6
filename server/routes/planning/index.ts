import type { App } from '../../app.js';
import claimRoutes from './claims.js';
import historyRoutes from './history.js';
import lightRoutes from './lights.js';
import milestoneRoutes from './milestones.js';
import planRoutes from './plans.js';
import programRoutes from './programs.js';
import projectRoutes from './projects.js';
import targetRoutes from './targets.js';
import taskRoutes from './tasks.js';

/** Program, areas, plans, targets, tasks, claims, projects, light roll-ups, items' histories. */
export function registerPlanningRoutes(app: App): void {
  programRoutes(app);
  planRoutes(app);
  targetRoutes(app);
  taskRoutes(app);
  milestoneRoutes(app);
  claimRoutes(app);
  projectRoutes(app);
  lightRoutes(app);
  historyRoutes(app);
}
