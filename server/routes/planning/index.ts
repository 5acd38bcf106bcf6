import type { App } from '../../app.js';

/** Program, areas, plans, targets, tasks, claims, projects. */
export function registerPlanningRoutes(_app: App): void {}
