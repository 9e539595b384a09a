import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Where Outlook looks for the files an origin lets run cross-origin in a JavaScript-only runtime (classic
 * Outlook's send guard): the build writes it, with the public origin it was built for.
 */
const OFFICE_ADDINS_ALLOWED = '.well-known/microsoft-officeaddins-allowed.json';

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
    // No dot file of dist/ is served but the one well-known list below.
    dotfiles: 'ignore',
    ...(options.sourceMaps ? {} : { allowedPath: (pathName: string) => !pathName.toLowerCase().endsWith('.map') }),
    // The add-in pages are small and change with each build; Office caches aggressively otherwise.
    cacheControl: true,
    maxAge: 0,
  });
  const allowedList = path.join(addinDir, OFFICE_ADDINS_ALLOWED);
  if (existsSync(allowedList)) {
    app.get(`/${OFFICE_ADDINS_ALLOWED}`, async (_request, reply) =>
      reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await readFile(allowedList)),
    );
  }
}
