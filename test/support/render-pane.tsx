import { cleanup, configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HttpHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import type { Language } from '../../src/contract/locale';
import { contentTypeOf } from '../../src/contract/content-types';
import { createComposeMailbox } from '../../src/services/compose-item';
import { interactiveEntraSignIn } from '../../src/services/entra-sign-in';
import { createSignedInBridgeClient } from '../../src/services/signed-in-bridge';
import { PaneRoot } from '../../src/taskpane/PaneRoot';
import { createSimulatedOffice, type MailboxVersion, type SimRecipient } from '../../src/workbench/office-sim';
import { bodyAs, textToHtml } from '../../src/workbench/office-sim/compose-state';
import { PANE_BRIDGE_ORIGIN, startPaneBridge, type PaneBridge } from './pane-bridge';
import type { PaneLedgerOptions } from './pane-ledger';

export type PaneTestServer = { msw: SetupServer; bridges: PaneBridge[] };

/**
 * The network edge of a pane test file: msw hands every request of the pane to a real bridge (one per test,
 * over its own SQLite file; see pane-bridge.ts), fails on any other request, and lets a test put faults in
 * front of the bridge. Each test unmounts the pane before its bridge goes (a pane still mounted could ask
 * once more). Fluent renders slowly in jsdom on a shared machine, so Testing Library waits
 * `asyncUtilTimeout` (default 5 s) instead of 1 s: that makes the tests less flaky, not less strict.
 */
export function paneTestServer(options: { asyncUtilTimeout?: number } = {}): PaneTestServer {
  configure({ asyncUtilTimeout: options.asyncUtilTimeout ?? 5000 });
  const server: PaneTestServer = { msw: setupServer(), bridges: [] };
  beforeAll(() => server.msw.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    cleanup();
    server.msw.resetHandlers();
    for (const bridge of server.bridges.splice(0)) await bridge.close();
  });
  afterAll(() => server.msw.close());
  return server;
}

/** A file already on the message: its bytes, or only a size (a large file whose content no test reads). */
export type PaneAttachment = { name: string; base64?: string; size?: number };

export type RenderPaneOptions = {
  language?: Language;
  compose?: {
    to?: SimRecipient[];
    cc?: SimRecipient[];
    subject?: string;
    /** The body as the person typed it. */
    body?: string;
    attachments?: PaneAttachment[];
    customProperties?: Record<string, unknown>;
  };
  /** The highest Mailbox requirement set of the simulated Outlook (default 1.15). */
  version?: MailboxVersion;
  /** 'unsupported': Outlook refuses the RecipientsChanged event, as hosts below Mailbox 1.7 do. */
  recipientsChanged?: 'supported' | 'unsupported';
  ledger?: PaneLedgerOptions;
  bodyBackgroundColor?: string;
  timeoutMs?: number;
  /** Faults in front of the bridge (a failing bridge, a slow PDF); a handler that returns nothing passes on. */
  overrides?: HttpHandler[];
  /** Office's user profile address: the signed-in user and the sender of a reminder run. */
  userEmail?: string;
};

/**
 * Renders the real task pane the way mount.tsx wires it in Outlook (following the mailbox's item, as a pinned
 * pane does) (the signed-in bridge client, the Office.js
 * wrappers), against the workbench's simulated Outlook and a real bridge. Installs the simulated Office as the
 * global `Office`, since the wrappers read its enums.
 */
export async function renderPane(server: PaneTestServer, options: RenderPaneOptions = {}) {
  const bridge = await startPaneBridge(options.ledger);
  server.bridges.push(bridge);
  server.msw.use(bridge.handler);
  // msw asks the handlers added last first.
  if (options.overrides) server.msw.use(...options.overrides);

  const userEmail = options.userEmail ?? 'anna.keller@example.ch';
  const compose = options.compose ?? {};
  const sim = createSimulatedOffice({
    version: options.version ?? '1.15',
    userProfile: { displayName: 'Anna Keller', emailAddress: userEmail },
    compose: {
      to: compose.to ?? [],
      cc: compose.cc ?? [],
      subject: compose.subject ?? '',
      body: { type: 'html', content: textToHtml(compose.body ?? '') },
      attachments: (compose.attachments ?? []).map((a, i) => ({
        id: `existing-${i}`,
        name: a.name,
        base64: a.base64 ?? '',
        size: a.size ?? Buffer.from(a.base64 ?? '', 'base64').length,
        isInline: false,
        contentType: contentTypeOf(a.name),
      })),
      customProperties: compose.customProperties ?? {},
    },
  });
  if (options.recipientsChanged === 'unsupported') sim.host.failNext('addHandlerAsync', 'EventRegistrationError');
  (globalThis as { Office?: unknown }).Office = sim.office;

  const item = sim.office.context.mailbox.item as unknown as Office.MessageCompose;
  const user = userEvent.setup();
  const view = render(
    <PaneRoot
      bridge={createSignedInBridgeClient({
        baseUrl: PANE_BRIDGE_ORIGIN,
        timeoutMs: options.timeoutMs ?? 5000,
        userEmail: () => userEmail,
        entra: interactiveEntraSignIn({ bridgeBase: PANE_BRIDGE_ORIGIN }),
      })}
      mailbox={createComposeMailbox(sim.office.context.mailbox as unknown as Office.Mailbox)}
      language={options.language ?? 'en'}
      officeTheme={{ bodyBackgroundColor: options.bodyBackgroundColor ?? '#ffffff' } as Office.OfficeTheme}
      userEmail={userEmail}
    />,
  );
  /** The message body as the person would read it. */
  const bodyText = () => bodyAs(sim.state.get().body, 'text');
  return { ...view, user, sim, item, bridge, bodyText };
}

export { PANE_BRIDGE_ORIGIN };
