/**
 * Classic Outlook on Windows runs OnMessageSend in a JavaScript-only runtime: no window, no document, no
 * location. The built sendguard.js is loaded here in such a context (a bare V8 context with only what that
 * runtime offers), over the simulated Outlook item and the real bridge: it registers its handler without the DOM,
 * reaches the bridge by the public origin it was built for, and answers Outlook on every path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { TokenSchema } from '../../src/contract/auth.schemas';
import type { DocumentPage } from '../../src/contract/documents.schemas';
import { ATTACHED_DOCUMENTS_KEY, serializeAttachedDocuments } from '../../src/contract/item-state';
import { createSimulatedOffice } from '../../src/workbench/office-sim';
import { startBridge, type RunningBridge } from './support/bridge-process';
import { e2eRun } from './support/e2e-run';
import { REPO_ROOT } from './support/fresh-build';

/** The origin `npm run build` bakes in without ADDIN_PUBLIC_URL (tools/manifest-origin.js). */
const BUILT_ORIGIN = 'https://localhost:3000';

type Completed = {
  allowEvent: boolean;
  errorMessage?: string;
  errorMessageMarkdown?: string;
  cancelLabel?: string;
  commandId?: string;
};

describe('the send guard bundle for classic Outlook', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge(path.join(e2eRun().screenshotDir, 'bridge-sendguard.log'));
  });
  afterAll(async () => {
    await bridge?.stop();
  });

  /** sendguard.js in a JavaScript-only context; `reach` stands for the network between Outlook and the bridge. */
  function loadGuard(reach: 'up' | 'down') {
    const code = readFileSync(path.join(REPO_ROOT, 'dist', 'sendguard.js'), 'utf8');
    const sim = createSimulatedOffice({
      version: '1.15',
      displayLanguage: 'de-CH',
      userProfile: { displayName: 'Anna Keller', emailAddress: 'anna.keller@example.ch' },
      compose: { to: [{ displayName: 'Max Muster', emailAddress: 'max@example.org' }], subject: 'Rechnung 2026-0042' },
    });
    const requested: string[] = [];
    const handlers = new Map<string, (event: { completed(options: Completed): void }) => void>();
    const context = vm.createContext({
      Office: { ...sim.office, actions: { associate: (name: string, fn: never) => handlers.set(name, fn) } },
      // The bridge answers at the built origin's place (a hosts entry, in effect).
      fetch: (url: string, init?: RequestInit) => {
        requested.push(String(url));
        if (reach === 'down') return Promise.reject(new TypeError('network down'));
        return fetch(String(url).replace(BUILT_ORIGIN, bridge.url), init);
      },
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
    vm.runInContext(code, context, { filename: 'sendguard.js' });
    const send = () =>
      new Promise<Completed>((resolve) => handlers.get('onMessageSendHandler')!({ completed: resolve }));
    return { sim, context, handlers, requested, send };
  }

  it('loads without window, document or location and associates onMessageSendHandler', () => {
    const { context, handlers } = loadGuard('up');
    expect([...handlers.keys()]).toEqual(['onMessageSendHandler']);
    expect(vm.runInContext('[typeof window, typeof document, typeof location].join("/")', context)).toBe(
      'undefined/undefined/undefined',
    );
  });

  it('lets ordinary mail go without a request', async () => {
    const guard = loadGuard('up');
    expect(await guard.send()).toEqual({ allowEvent: true });
    expect(guard.requested).toEqual([]);
  });

  it('asks the bridge at the built public origin and holds a message marked by hand on the relay route', async () => {
    const guard = loadGuard('up');
    guard.sim.host.editSubject('<r>Rechnung 2026-0042');
    const answer = await guard.send();
    expect(answer.allowEvent).toBe(false);
    expect(answer.errorMessage).toMatch(/Von Hand für IncaMail markiert \(<r>\)/);
    expect(guard.requested).toContain(`${BUILT_ORIGIN}/api/policy`);
    expect(guard.requested.every((url) => url.startsWith(`${BUILT_ORIGIN}/api/`))).toBe(true);
  });

  it('still answers with the network down: a broken marking is held without the bridge', async () => {
    const guard = loadGuard('down');
    guard.sim.host.editSubject('<r>Rechnung 2026-0042');
    const answer = await guard.send();
    expect(answer.allowEvent).toBe(false);
    expect(answer.errorMessage).toMatch(/gewöhnliche E-Mail ausserhalb von IncaMail: max@example\.org/);
    expect(guard.requested.length).toBeGreaterThan(0);
  });

  it('asks the bridge about the LedgerMail documents a message carries, and holds a paid reminder', async () => {
    const token = TokenSchema.parse(
      await (await fetch(`${bridge.url}/api/dev/token?email=anna.keller%40example.ch`)).json(),
    ).token;
    const page = (await (
      await fetch(`${bridge.url}/api/documents?kind=reminder&status=paid&limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as DocumentPage;
    const paid = page.items[0]!;
    const guard = loadGuard('up');
    const attachmentId = guard.sim.host.attachFile(`${paid.number}.pdf`, Buffer.from('%PDF-1.7\n').toString('base64'));
    guard.sim.state.update({
      customProperties: {
        [ATTACHED_DOCUMENTS_KEY]: serializeAttachedDocuments([
          { documentId: paid.id, attachmentId, fileName: `${paid.number}.pdf`, kind: paid.kind, number: paid.number },
        ]),
      },
    });
    const answer = await guard.send();
    expect(answer.allowEvent).toBe(false);
    expect(answer.errorMessage).toBe(`Seit dem Anhängen bezahlt: ${paid.number}. Bitte aus der Nachricht entfernen.`);
    expect(guard.requested).toContain(`${BUILT_ORIGIN}/api/documents/${encodeURIComponent(paid.id)}`);
    // The alert's button opens the Invoices pane, where the paid reminder can be seen and taken off.
    expect(answer).toMatchObject({ cancelLabel: 'LedgerMail öffnen', commandId: 'LedgerMail.Invoices' });
  });
});
