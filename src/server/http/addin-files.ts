import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built add-in (task pane, commands, assets, manifest) from the same origin as /api. */
export async function serveAddinFiles(app: FastifyInstance, addinDir: string): Promise<void> {
  if (!existsSync(addinDir)) {
    app.log.warn(`No built add-in in ${addinDir}: run \`npm run build\` first. Only /api is served.`);
    return;
  }
  await app.register(fastifyStatic, {
    root: addinDir,
    index: false,
    // The add-in pages are small and change with each build; Office caches aggressively otherwise.
    cacheControl: true,
    maxAge: 0,
  });
}
