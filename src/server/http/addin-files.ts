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

/** webpack's `[name].[contenthash:8].js`: a new build of such a file gets a new name, never new content. */
const CONTENT_HASHED = /\.[0-9a-f]{8}\.js(\.br|\.gz)?$/;

/**
 * Content-hashed files are kept for a year; everything else (the pages, the manifest, sendguard.js at its fixed
 * name, the icons) is asked again each time and answered 304 while it is unchanged: Office caches aggressively
 * otherwise, and a page must never point at scripts of an older build.
 */
export function cacheControlOf(filePath: string): string {
  return CONTENT_HASHED.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

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
    // The build wrote .br and .gz beside each text file (tools/precompress.ts): sent as the client accepts them.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', cacheControlOf(filePath));
      // The same URL answers Brotli, gzip or plain bytes: a shared cache must tell them apart.
      res.setHeader('vary', 'accept-encoding');
    },
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
