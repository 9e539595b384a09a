import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addinCsp } from '../../src/server/security/headers';
import { OFFICE_JS_DIST, OUTLOOK_HOSTS } from '../support/real-office-js';

/**
 * The add-in pages' CSP must let office.js load what it loads in Outlook: besides the host scripts from its
 * own CDN folder, office.js and Outlook's host scripts load MicrosoftAjax.js from another Microsoft CDN.
 * Refused, office.js does not initialise and the pane and the buttons do nothing. The origins are read from
 * the real library, so a new office.js that loads from elsewhere fails here.
 */
function scriptOrigins(file: string): string[] {
  const source = readFileSync(path.join(OFFICE_JS_DIST, file), 'utf8');
  const hosts = [...source.matchAll(/["'](?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})\/[^"'\s]*\.js["']/gi)].map(
    (m) => m[1]!,
  );
  return [...new Set(hosts)].map((host) => `https://${host}`);
}

function scriptSrc(csp: string): string[] {
  const directive = csp.split('; ').find((d) => d.startsWith('script-src '));
  return directive ? directive.split(' ').slice(1) : [];
}

describe("the add-in pages' CSP and office.js", () => {
  const files = ['office.js', ...Object.values(OUTLOOK_HOSTS).map((h) => `${h.script}.js`)];

  it.each(files)('allows every script origin %s loads from', (file) => {
    const origins = scriptOrigins(file);
    expect(origins).toContain('https://ajax.aspnetcdn.com');
    const allowed = scriptSrc(addinCsp({ identityHost: 'https://login.microsoftonline.com', framed: true }));
    for (const origin of origins) expect(allowed, `${file} loads scripts from ${origin}`).toContain(origin);
  });
});
