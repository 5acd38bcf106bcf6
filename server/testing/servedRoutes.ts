import type { App } from '../app.js';

/** Every "METHOD /path" the app serves, HEAD left out; the API document's own pages only when asked. */
export function servedRoutes(app: App, opts: { docs?: boolean } = {}): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^(.*?)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = [...m[1]!].length / 4;
    stack.length = depth;
    stack[depth] = m[2]!;
    const path = stack.join('');
    if (path.startsWith('/api/docs') && !opts.docs) continue;
    for (const method of (m[3] ?? '').split(', ')) if (method && method !== 'HEAD') out.push(`${method} ${path}`);
  }
  return out.sort();
}

/** A callable URL for a route pattern: ids are random, a date is a date, a wildcard a file name. */
export const sampleUrl = (path: string, id: () => string): string => path.replace(':date', '2026-06-01').replace(/:\w+/g, id).replace('*', 'x.js');
