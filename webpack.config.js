// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import { DEV_ORIGIN, normalizePublicUrl, rewriteManifestOrigin } from './tools/manifest-origin.js';
import { typescriptBuildWith } from './tools/webpack-typescript.js';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * @param {Record<string, unknown>} _env
 * @param {{ mode?: string }} argv
 * @returns {import('webpack').Configuration}
 */
export default (_env, argv) => {
  const production = argv.mode !== 'development';
  // The public origin is a build parameter: `ADDIN_PUBLIC_URL=https://mail.example.ch npm run build`.
  const publicUrl = process.env.ADDIN_PUBLIC_URL || DEV_ORIGIN;
  const publicOrigin = normalizePublicUrl(publicUrl);
  return {
    mode: production ? 'production' : 'development',
    // dist/ is what admins deploy: maps would publish the sources. `SOURCE_MAPS=on npm run build` adds them for
    // a debugging session; the production bridge does not serve them either way (http/addin-files.ts).
    devtool: production ? (process.env.SOURCE_MAPS === 'on' ? 'source-map' : false) : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      'auth-dialog': './src/auth-dialog/auth-dialog.ts',
      // One self-contained file at a fixed name: the manifest names it, and a JavaScript-only runtime loads no chunks
      // (nor has a document.currentScript for webpack to find its own address by).
      sendguard: { import: './src/commands/sendguard.ts', filename: 'sendguard.js', publicPath: '' },
    },
    output: {
      path: path.join(root, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
      // Not `self`, webpack's default: Outlook's JavaScript-only runtime (sendguard.js) has no self nor window.
      globalObject: 'globalThis',
    },
    // Griffel's ahead-of-time pass: each makeStyles becomes its class names and CSS at build time, so the pane
    // neither computes styles at start nor carries the style engine (stylis, rtl-css-js) and the token table.
    ...typescriptBuildWith([{ loader: '@griffel/webpack-loader' }]),
    optimization: { splitChunks: { chunks: (chunk) => chunk.name !== 'sendguard' } },
    performance: { hints: false },
    plugins: [
      // Classic Outlook's JavaScript-only runtime has no location: sendguard.js reaches the bridge by this origin.
      new webpack.DefinePlugin({ __LEDGERMAIL_PUBLIC_ORIGIN__: JSON.stringify(publicOrigin) }),
      {
        // Outlook lets a JavaScript-only runtime's file call its origin (CORS, SSO) only when that origin lists
        // the file at this well-known address (Microsoft's "Use SSO or CORS in your event-based add-in").
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('OfficeAddinsAllowed', (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: 'OfficeAddinsAllowed', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
              () => {
                const allowed = { allowed: [`${publicOrigin}/sendguard.js`] };
                compilation.emitAsset(
                  '.well-known/microsoft-officeaddins-allowed.json',
                  new webpack.sources.RawSource(`${JSON.stringify(allowed, null, 2)}\n`),
                );
              },
            );
          });
        },
      },
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'auth-dialog.html',
        template: './src/auth-dialog/auth-dialog.html',
        chunks: ['auth-dialog'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/support.html', to: 'support.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifestOrigin(content.toString(), publicUrl),
          },
        ],
      }),
    ],
  };
};
