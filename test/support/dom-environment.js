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
    // Node's timers, not jsdom's: the bridge's libraries unref() their timers (smtp-server, Fastify), which
    // jsdom's numeric handles cannot. React and Testing Library only need setTimeout to call back.
    Object.assign(this.global, { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate });
    // Node's ArrayBuffer and Uint8Array, as Jest's node environment installs them: Buffer, TextEncoder and
    // fetch hand out Node's typed arrays, and `instanceof Uint8Array` (jose's key check) must accept them.
    Object.assign(this.global, { ArrayBuffer, Uint8Array, Buffer });
    // Node's Web Crypto: jsdom's `crypto` has no `subtle`, which the bridge signs its development tokens with.
    Object.defineProperty(this.global, 'crypto', { value: globalThis.crypto, configurable: true, writable: true });
  }
}
