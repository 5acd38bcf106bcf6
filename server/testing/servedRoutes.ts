import type { App } from '../app.js';
import { routesOf } from '../routeList.js';

/** Every "METHOD /path" the app serves, HEAD left out; the API document's own pages only when asked. */
export function servedRoutes(app: App, opts: { docs?: boolean } = {}): string[] {
  return routesOf(app)
    .filter((r) => !r.startsWith('HEAD ') && (opts.docs || !r.split(' ')[1]!.startsWith('/api/docs')))
    .sort();
}

/** A callable URL for a route pattern: ids are random, a date is a date, a wildcard a file name. */
export const sampleUrl = (path: string, id: () => string): string => path.replace(':date', '2026-06-01').replace(/:\w+/g, id).replace('*', 'x.js');
