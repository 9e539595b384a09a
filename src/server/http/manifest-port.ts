import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A manifest built for this machine (no ADDIN_PUBLIC_URL: the development origin, https://localhost:3000) names a
 * port at build time. Started on another PORT, the bridge serves a manifest that sends Outlook to the old one,
 * where nothing answers: said at start-up, with the command that fixes it. A public origin (a reverse proxy in
 * front of the bridge) is left alone: its port rightly differs from the one the bridge listens on.
 */
export function manifestPortWarning(manifestXml: string, port: number): string | undefined {
  const found = /<SourceLocation\s+DefaultValue="(https?:\/\/[^"]+)"/.exec(manifestXml)?.[1];
  if (!found) return undefined;
  const url = new URL(found);
  if (!LOOPBACK.has(url.hostname)) return undefined;
  const manifestPort = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (manifestPort === port) return undefined;
  const fixed = `${url.protocol}//${url.hostname}:${port}`;
  return (
    `The add-in's manifest points Outlook at ${url.origin}, but the bridge listens on port ${port}: Outlook would ` +
    `find nothing there. Rebuild it for this port (ADDIN_PUBLIC_URL=${fixed} npm run build), or start the bridge ` +
    `with PORT=${manifestPort}.`
  );
}

/** The warning for the manifest the bridge serves from `addinDir`, if it has one. */
export function servedManifestWarning(addinDir: string, port: number): string | undefined {
  const file = path.join(addinDir, 'manifest.xml');
  return existsSync(file) ? manifestPortWarning(readFileSync(file, 'utf8'), port) : undefined;
}
