import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { useTempDir } from '../../../test/support/temp-dir';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { installErrorHandling } from '../http/errors.js';
import { bindPageToSimulatedOffice, workbenchRoutes } from './workbench.routes.js';

const BUILT_TASKPANE =
  '<!doctype html><html lang=en><head><meta charset=UTF-8><title>LedgerMail</title>' +
  '<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>' +
  '<script defer src=taskpane.0123abcd.js></script></head><body><div id=root></div></body></html>';

describe('workbench routes', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  function writeBuilds(dir: string) {
    const addinDir = path.join(dir, 'dist');
    const workbenchDir = path.join(dir, 'workbench');
    mkdirSync(addinDir, { recursive: true });
    mkdirSync(workbenchDir, { recursive: true });
    writeFileSync(path.join(addinDir, 'taskpane.html'), BUILT_TASKPANE);
    writeFileSync(path.join(addinDir, 'commands.html'), BUILT_TASKPANE.replace('taskpane', 'commands'));
    writeFileSync(path.join(workbenchDir, 'index.html'), '<!doctype html><title>LedgerMail workbench</title>');
    return { addinDir, workbenchDir };
  }

  it('replaces the office.js CDN tag with the simulator shim and keeps bundle URLs resolving to the root', () => {
    const page = bindPageToSimulatedOffice(BUILT_TASKPANE);
    expect(page).not.toContain('appsforoffice.microsoft.com');
    expect(page).toContain('<base href="/">');
    expect(page).toContain('window.Office = workbench.office');
    // The shim runs before the deferred bundles, which still load by their relative names.
    expect(page.indexOf('window.Office')).toBeLessThan(page.indexOf('taskpane.0123abcd.js'));
  });

  it('refuses a page without an office.js tag rather than serving it unbound', () => {
    expect(() => bindPageToSimulatedOffice('<html><head></head></html>')).toThrow(/office\.js/);
  });

  it('serves the workbench page and the bound task pane and function file', async () => {
    const dirs = writeBuilds(tempDir());
    app = Fastify({ logger: false });
    installErrorHandling(app);
    await app.register(workbenchRoutes, dirs);
    expect((await app.inject('/workbench')).headers.location).toBe('/workbench/');
    const index = await app.inject('/workbench/');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('LedgerMail workbench');
    for (const page of ['taskpane', 'commands']) {
      const response = await app.inject(`/workbench/${page}.html`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain(`${page}.0123abcd.js`);
      expect(response.body).not.toContain('appsforoffice');
    }
  });

  it('exists in development and is absent from a production bridge', async () => {
    const dir = tempDir();
    const { addinDir } = writeBuilds(dir);
    // A production bridge needs its Entra ID registration; these ids only have to be well-formed here.
    const production = {
      ENTRA_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
      ENTRA_TENANT_IDS: '66666666-7777-8888-9999-000000000000',
    };
    const config = (env: string) =>
      loadConfig({
        ...(env === 'production' ? production : {}),
        NODE_ENV: env,
        TLS: 'off',
        DATA_DIR: path.join(dir, 'data'),
        ADDIN_DIR: addinDir,
        LOG_LEVEL: 'silent',
      });
    app = await buildApp({ config: config('development'), logger: false });
    expect((await app.inject('/workbench/taskpane.html')).statusCode).toBe(200);
    await app.close();
    app = await buildApp({ config: config('production'), logger: false });
    expect((await app.inject('/workbench/taskpane.html')).statusCode).toBe(404);
  });
});
