/**
 * Classic Outlook on Windows runs OnMessageSend in a JavaScript-only runtime: no window, no document. The built
 * sendguard.js is loaded here in such a context (a bare V8 context with only what that runtime offers) and must
 * register its handler without touching the DOM.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { REPO_ROOT } from './support/fresh-build';

describe('the send guard bundle for classic Outlook', () => {
  it('loads without window or document and associates onMessageSendHandler', () => {
    const code = readFileSync(path.join(REPO_ROOT, 'dist', 'sendguard.js'), 'utf8');
    const associated: string[] = [];
    const context = vm.createContext({
      Office: { actions: { associate: (name: string) => associated.push(name) } },
      fetch,
      console,
      setTimeout,
      clearTimeout,
      crypto: globalThis.crypto,
      TextEncoder,
      TextDecoder,
      URL,
      URLSearchParams,
      AbortController,
      AbortSignal,
      Headers,
      Request,
      Response,
    });
    expect(() => vm.runInContext(code, context, { filename: 'sendguard.js' })).not.toThrow();
    expect(associated).toEqual(['onMessageSendHandler']);
    expect(vm.runInContext('typeof window + "/" + typeof document', context)).toBe('undefined/undefined');
  });
});
