// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { typescriptBuild } from './tools/webpack-typescript.js';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The workbench (development tool: simulated Outlook compose window) is built on its own into
 * build/workbench/, never into dist/, so what admins deploy cannot contain the simulated Office.
 *
 * @param {Record<string, unknown>} _env
 * @param {{ mode?: string }} argv
 * @returns {import('webpack').Configuration}
 */
export default (_env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: { workbench: './src/workbench/index.tsx' },
    output: {
      path: path.join(root, 'build', 'workbench'),
      // The bridge serves the workbench under /workbench/.
      publicPath: '/workbench/',
      filename: '[name].[contenthash:8].js',
      clean: true,
    },
    ...typescriptBuild,
    performance: { hints: false },
    plugins: [new HtmlWebpackPlugin({ filename: 'index.html', template: './src/workbench/index.html' })],
  };
};
