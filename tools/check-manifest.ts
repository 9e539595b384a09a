/**
 * `npm run check:manifest [file]`: runs LedgerMail's structural manifest checks and Microsoft's offline
 * validation on a manifest (dist/manifest.xml by default), with the origin taken from its task pane URL.
 * The build runs it on the manifest it writes, so an admin never gets a manifest that fails them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkManifest } from './manifest-checks';
import { validateWithMicrosoftTools } from './microsoft-manifest-check';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.resolve(process.argv[2] ?? path.join(root, 'dist/manifest.xml'));
const xml = readFileSync(file, 'utf8');
const taskpaneUrl = /<bt:Url id="Taskpane.Url" DefaultValue="([^"]+)"/.exec(xml)?.[1];
if (!taskpaneUrl) {
  console.error(`${file}: no Taskpane.Url resource found`);
  process.exit(1);
}
const origin = taskpaneUrl.replace(/\/taskpane\.html$/, '');
const problems = [
  ...checkManifest({ xml, assetsDir: path.join(root, 'assets'), origin }),
  ...(await validateWithMicrosoftTools(xml)),
];
if (problems.length > 0) {
  console.error(
    `${path.relative(process.cwd(), file)} has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`,
  );
  process.exit(1);
}
console.log(`${path.relative(process.cwd(), file)} passes the manifest checks (origin ${origin}).`);
