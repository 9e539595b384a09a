import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convert } from 'office-addin-manifest-converter/lib/main.js';
import { validateManifest } from 'office-addin-manifest';

/**
 * Microsoft's offline check: convert the XML manifest with office-addin-manifest-converter and validate the
 * resulting JSON against the schemas shipped in office-addin-manifest. (`validate` of the XML itself needs
 * Microsoft's online service; `npm run validate` keeps that for people with network.)
 */
export async function validateWithMicrosoftTools(xml: string): Promise<string[]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-manifest-'));
  try {
    const xmlFile = path.join(folder, 'manifest.xml');
    writeFileSync(xmlFile, xml);
    const out = path.join(folder, 'json');
    // imageDownload=false: icons are checked by our own tests; the converter must not reach the network.
    await convert(xmlFile, out, false, undefined, undefined, false);
    if (!readdirSync(out).includes('manifest.json')) return ['converter produced no manifest.json'];
    const result = await validateManifest(path.join(out, 'manifest.json'));
    if (result.isValid) return [];
    const errors = result.report?.errors ?? [];
    return errors.length > 0
      ? errors.map((e) => `${e.title ?? 'Error'}: ${e.content ?? ''}`)
      : ['manifest.json is not valid'];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
