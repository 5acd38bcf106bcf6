import type { FastifyInstance } from 'fastify';

const served = new WeakMap<object, Set<string>>();

/**
 * Keeps every "METHOD /path" the app serves as its routes are added (an onRoute hook, so it must be
 * registered before any route): the route catalogue's tests walk this list to find a route that
 * nobody declared.
 */
export function collectRoutes(app: FastifyInstance): void {
  const list = new Set<string>();
  served.set(app, list);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) list.add(`${method} ${route.url}`);
  });
}

/** What collectRoutes saw for this app. */
export function routesOf(app: object): string[] {
  const list = served.get(app);
  if (!list) throw new Error('routesOf: the app was built without collectRoutes');
  return [...list];
}
