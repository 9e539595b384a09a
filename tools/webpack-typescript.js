// @ts-check
/**
 * How both webpack builds (the add-in and the workbench) compile TypeScript: ts-loader without type
 * checking (`npm run typecheck` does that once for the whole tree), and `.js` imports of the shared contract
 * (written for Node ES modules) mapped back to their TypeScript sources.
 * @type {Pick<import('webpack').Configuration, 'resolve' | 'module'>}
 */
export const typescriptBuild = typescriptBuildWith([]);

/**
 * The same, with `before` loaders run on ts-loader's output (webpack runs a rule's loaders last to first).
 * @param {import('webpack').RuleSetUseItem[]} before
 * @returns {Pick<import('webpack').Configuration, 'resolve' | 'module'>}
 */
export function typescriptBuildWith(before) {
  return {
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            ...before,
            { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
          ],
        },
      ],
    },
  };
}
