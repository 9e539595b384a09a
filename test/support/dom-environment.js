// @ts-check
import FixedJSDOMEnvironment from 'jest-fixed-jsdom';

/**
 * The component tests' environment: jsdom for the pane, with Node's fetch, streams and web globals
 * (jest-fixed-jsdom, msw's own environment for jsdom). Packages resolve as in Node, not as in a browser:
 * the pane's tests run the real bridge in-process, whose pdfkit and msw/node have Node builds only under
 * the `node` condition.
 */
export default class DomEnvironment extends FixedJSDOMEnvironment {
  /**
   * @param {import('@jest/environment').JestEnvironmentConfig} config
   * @param {import('@jest/environment').EnvironmentContext} context
   */
  constructor(config, context) {
    super(config, context);
    this.customExportConditions = ['node', 'node-addons'];
  }
}
