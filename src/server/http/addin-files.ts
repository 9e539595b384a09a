import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built add-in (task pane, commands, assets, manifest) from the same origin as /api. A production
 * bridge serves no source maps (`*.map`), even from a dist/ built with SOURCE_MAPS=on: they would publish the
 * add-in's sources to anyone who can reach the pages.
 */
export async function serveAddinFiles(
  app: FastifyInstance,
  addinDir: string,
  options: { sourceMaps: boolean } = { sourceMaps: true },
): Promise<void> {
  if (!existsSync(addinDir)) {
    app.log.warn(`No built add-in in ${addinDir}: run \`npm run build\` first. Only /api is served.`);
    return;
  }
  await app.register(fastifyStatic, {
    root: addinDir,
    index: false,
    ...(options.sourceMaps ? {} : { allowedPath: (pathName: string) => !pathName.toLowerCase().endsWith('.map') }),
    // The add-in pages are small and change with each build; Office caches aggressively otherwise.
    cacheControl: true,
    maxAge: 0,
  });
}
