import type { App } from '../app.js';
import authRoutes from './auth.js';
import healthRoutes from './health.js';
import meRoutes from './me.js';

/** Every resource's routes; one plugin per resource. */
export function registerRoutes(app: App, opts: { secureCookies: boolean }) {
  healthRoutes(app);
  authRoutes(app, opts);
  meRoutes(app);
}
