import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../contract/errors.js';

export type WorkbenchRoutesOptions = {
  /** The built add-in (dist/), whose task pane and function file the workbench hosts. */
  addinDir: string;
  /** The built workbench page (build/workbench/), never part of dist/. */
  workbenchDir: string;
};

/** The office.js tag of the add-in pages: Microsoft's CDN, which the workbench replaces by its simulator. */
const OFFICE_JS_TAG =
  /<script\b[^>]*\bsrc=["']?https:\/\/appsforoffice\.microsoft\.com\/[^"'\s>]*office(?:\.debug)?\.js["']?[^>]*>\s*<\/script>/i;

/**
 * The shim that replaces office.js in the pages the workbench frames: `Office` becomes the workbench's
 * simulated Office (same origin, so the frame reaches its parent), and `<base href="/">` keeps the
 * pages' relative bundle URLs pointing at the built add-in served from the root.
 */
const OFFICE_SHIM = [
  '<base href="/">',
  '<script>',
  '(function () {',
  '  var workbench = window.parent !== window ? window.parent.ledgerMailWorkbench : undefined;',
  "  if (!workbench) throw new Error('LedgerMail: this page runs inside the workbench at /workbench, which provides the simulated Office.');",
  '  window.Office = workbench.office;',
  '})();',
  '</script>',
].join('');

/** Returns the built add-in page with office.js swapped for the workbench's simulated Office. */
export function bindPageToSimulatedOffice(html: string): string {
  if (!OFFICE_JS_TAG.test(html)) {
    throw new AppError('internal', 'The built add-in page has no office.js script tag for the workbench to replace.');
  }
  return html.replace(OFFICE_JS_TAG, OFFICE_SHIM);
}

/**
 * Development only (the bridge registers it when NODE_ENV is not production): serves the workbench page
 * at /workbench and the add-in's task pane and function file bound to the simulated Office. It serves
 * files and imports nothing of the workbench's code.
 */
export const workbenchRoutes: FastifyPluginAsync<WorkbenchRoutesOptions> = async (app, options) => {
  const framedPage = (file: 'taskpane.html' | 'commands.html') => async () => {
    const source = path.join(options.addinDir, file);
    if (!existsSync(source)) throw new AppError('not_found', `No built add-in page ${file}: run \`npm run build\`.`);
    return bindPageToSimulatedOffice(await readFile(source, 'utf8'));
  };
  app.get('/workbench/taskpane.html', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await framedPage('taskpane.html')()),
  );
  app.get('/workbench/commands.html', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(await framedPage('commands.html')()),
  );

  if (!existsSync(path.join(options.workbenchDir, 'index.html'))) {
    app.log.warn(`No built workbench in ${options.workbenchDir}: run \`npm run build:workbench\`.`);
    return;
  }
  await app.register(fastifyStatic, {
    root: options.workbenchDir,
    prefix: '/workbench/',
    // The add-in's files are served by another instance of the plugin, which owns reply.sendFile.
    decorateReply: false,
    index: ['index.html'],
    cacheControl: true,
    maxAge: 0,
  });
  app.get('/workbench', async (_request, reply) => reply.redirect('/workbench/'));
};
