import type { FastifyInstance } from 'fastify';

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The routes under /api the bridge registered, read from Fastify's route tree (HEAD aside). */
export function apiRoutes(app: FastifyInstance): { method: ApiMethod; url: string }[] {
  const routes: { method: ApiMethod; url: string }[] = [];
  const segments: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    segments.length = match[1]!.length / 4;
    segments.push(match[2]!);
    const url = segments.join('');
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (url.startsWith('/api/') && ['GET', 'POST', 'PUT', 'DELETE'].includes(method)) {
        routes.push({ method: method as ApiMethod, url });
      }
    }
  }
  return routes;
}
