import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { useTempDir } from '../../../test/support/temp-dir';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { landingPage } from './landing-page.js';

describe('the landing page at the root', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  const linksOf = (html: string) => [...html.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);

  it('says what answers here, in the language the browser asks for, with the manifest and the workbench', async () => {
    const dir = tempDir();
    const config = loadConfig({ TLS: 'off', DATA_DIR: path.join(dir, 'data'), ADDIN_DIR: path.join(dir, 'dist') });
    app = await buildApp({ config, logger: false });
    const german = await app.inject({ url: '/', headers: { 'accept-language': 'de-CH,de;q=0.9,en;q=0.8' } });
    expect(german.statusCode).toBe(200);
    expect(german.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(german.headers['content-language']).toBe('de');
    expect(german.body).toContain('<html lang="de">');
    expect(german.body).toContain('Outlook-Add-in LedgerMail');
    expect(linksOf(german.body)).toEqual(['/manifest.xml', '/api/ready', '/workbench/']);
    const french = await app.inject({ url: '/', headers: { 'accept-language': 'fr-CH' } });
    expect(french.body).toContain('complément Outlook LedgerMail');
    const italian = await app.inject({ url: '/', headers: { 'accept-language': 'it' } });
    expect(italian.body).toContain('componente aggiuntivo Outlook LedgerMail');
    const none = await app.inject('/');
    expect(none.body).toContain('<html lang="en">');
    // The pages it links answer (the workbench only where it is served).
    expect((await app.inject('/api/ready')).statusCode).toBe(200);
  });

  it('links no workbench where none is served (production)', () => {
    const html = landingPage('en', { workbench: false });
    expect(linksOf(html)).toEqual(['/manifest.xml', '/api/ready']);
    expect(html).not.toMatch(/workbench/i);
  });
});
