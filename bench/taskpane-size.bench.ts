/**
 * JavaScript of the task pane until it can list documents, and what taskpane.html loads before the first paint,
 * against a replica of a fresh `yo office` React task pane built in the same run. Also checks that the
 * ribbon commands' bundle pulls in neither React nor Fluent UI (it runs in its own, lighter runtime).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import webpack, { type Configuration, type Stats } from 'webpack';
import projectConfig from '../webpack.config.js';
import { templateConfig } from './fixtures/yo-office-react/webpack.config.js';
import type { Benchmark } from './harness';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const UI_LIBRARIES = /node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel|tabster)[\\/]/;

function build(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString('errors-only') ?? 'no stats'));
      resolve(stats);
    });
  });
}

type InitialJs = { files: string[]; bytes: number; gzipBytes: number };

/** Bytes and gzip bytes (level 9) of these files of a build. */
function sizeOf(outputPath: string, files: string[]): InitialJs {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(path.join(outputPath, file));
    bytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes };
}

/** The scripts taskpane.html loads itself (lazy chunks come later and do not count). */
function initialJs(outputPath: string): InitialJs {
  const html = readFileSync(path.join(outputPath, 'taskpane.html'), 'utf8');
  // html-webpack-plugin minifies production pages: attribute values may come without quotes.
  const files = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1]!)
    .filter((src) => !/^https?:/.test(src)); // office.js comes from Microsoft's CDN in both builds
  return sizeOf(outputPath, files);
}

/** Bytes and gzip bytes of the files of a named chunk group (a lazy `import()` with a webpackChunkName). */
function chunkGroupJs(stats: Stats, outputPath: string, group: string): InitialJs {
  const json = stats.toJson({ all: false, chunkGroups: true });
  const files = (json.namedChunkGroups?.[group]?.assets ?? []).map((a) => a.name).filter((n) => n.endsWith('.js'));
  return sizeOf(outputPath, files);
}

/** Modules of an entrypoint's chunks that come from the UI libraries. */
function uiModulesOf(stats: Stats, entry: string): string[] {
  const json = stats.toJson({ all: false, entrypoints: true, chunks: true, chunkModules: true });
  const chunkIds = new Set(json.entrypoints?.[entry]?.chunks ?? []);
  return (json.chunks ?? [])
    .filter((chunk) => chunkIds.has(chunk.id!))
    .flatMap((chunk) => (chunk.modules ?? []).map((m) => m.name ?? ''))
    .filter((name) => UI_LIBRARIES.test(name));
}

const benchmark: Benchmark = {
  name: 'Task pane initial JavaScript',
  async run(report) {
    const work = mkdtempSync(path.join(tmpdir(), 'ledgermail-size-'));
    try {
      const ours = path.join(work, 'ledgermail');
      const baseConfig = (projectConfig as (env: object, argv: { mode: string }) => Configuration)(
        {},
        { mode: 'production' },
      );
      const stats = await build({
        ...baseConfig,
        context: root,
        devtool: false,
        output: { ...baseConfig.output, path: ours },
      });
      const pane = initialJs(ours);
      // First paint is a localized loading line; the pane itself (React, Fluent UI, zod) follows as one chunk group.
      const interactive = chunkGroupJs(stats, ours, 'pane');
      if (interactive.files.length === 0) throw new Error('the lazy "pane" chunk group is missing');
      // With Entra ID the pane signs in (nested app authentication) before it can ask for documents: MSAL's chunks.
      const signIn = chunkGroupJs(stats, ours, 'msal');
      if (signIn.files.length === 0) throw new Error('the lazy "msal" chunk group is missing');

      const template = path.join(work, 'template');
      await build(templateConfig({ outputPath: template, layout: 'template' }));
      const baseline = initialJs(template);
      const shaken = path.join(work, 'template-single');
      await build(templateConfig({ outputPath: shaken, layout: 'single-entry' }));
      const single = initialJs(shaken);

      report.note('baseline: replica of the yo office React task pane (bench/fixtures/yo-office-react); the');
      report.note(
        'template itself cannot be downloaded here. Its core-js polyfill entry is left out (smaller baseline).',
      );
      report.figure('LedgerMail task pane', 'initial JS', pane.bytes / 1024, `KiB (${pane.files.length} files)`);
      report.figure('LedgerMail task pane', 'initial JS gzip', pane.gzipBytes / 1024, 'KiB');
      // A file of two groups is loaded once: count the union.
      const gzipOfFiles = (...groups: InitialJs[]) =>
        sizeOf(ours, [...new Set(groups.flatMap((group) => group.files))]).gzipBytes;
      const untilInteractive = gzipOfFiles(pane, interactive);
      report.figure('LedgerMail task pane', 'initial + pane chunk gzip (until usable)', untilInteractive / 1024, 'KiB');
      report.figure('yo office template (vendor entry)', 'initial JS', baseline.bytes / 1024, 'KiB');
      report.figure('yo office template (vendor entry)', 'initial JS gzip', baseline.gzipBytes / 1024, 'KiB');
      report.figure('same template, one tree-shaken entry', 'initial JS gzip', single.gzipBytes / 1024, 'KiB');
      // What the user waits for is the pane's JavaScript until it can list documents, not its first chunk.
      report.figure('LedgerMail task pane until usable', 'gzip', untilInteractive, 'B (goal ≤ 100,000 B)');
      const withSignIn = gzipOfFiles(pane, interactive, signIn);
      report.figure('… with production sign-in (MSAL chunks)', 'gzip', withSignIn, 'B (goal ≤ 100,000 B)');
      report.ratio('task pane until usable / template, gzip JS', untilInteractive / baseline.gzipBytes, '≤ 0.6');
      report.ratio('… with production sign-in / template, gzip JS', withSignIn / baseline.gzipBytes, '≤ 0.6');
      report.ratio('task pane first chunk / template, gzip JS', pane.gzipBytes / baseline.gzipBytes, 'context only');

      const uiInCommands = uiModulesOf(stats, 'commands');
      report.note(
        uiInCommands.length === 0
          ? 'commands bundle: no React or Fluent UI module (ok)'
          : `commands bundle pulls UI libraries (${uiInCommands.length} modules), e.g. ${uiInCommands[0]}`,
      );
      if (uiInCommands.length > 0) process.exitCode = 1;
      if (pane.files.length === 0 || baseline.files.length === 0) throw new Error('no script found in taskpane.html');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

export default benchmark;
