import { cleanup, configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HttpHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import type { Language } from '../../src/contract/locale';
import { createBridgeClient } from '../../src/services/bridge-client';
import { createComposeItem } from '../../src/services/compose-item';
import { App } from '../../src/taskpane/App';
import { createBatchHandlers } from '../msw/batch-handlers';
import { createBridgeFixtures, type BridgeFixtures } from '../msw/bridge-fixtures';
import { createBridgeHandlers, TEST_BRIDGE_ORIGIN } from '../msw/bridge-handlers';
import { createComposeMock, type ComposeMockOptions } from './office-compose-mock';

/**
 * The msw server of a pane test file, with its lifecycle: unknown requests fail the test, and each test
 * unmounts the pane before its handlers go (a pane still mounted could ask the bridge once more). Fluent
 * renders slowly in jsdom on a shared machine, so Testing Library waits `asyncUtilTimeout` (default 5 s)
 * instead of 1 s: that makes the tests less flaky, not less strict. Call it at the top of the file.
 */
export function paneTestServer(options: { asyncUtilTimeout?: number } = {}): SetupServer {
  configure({ asyncUtilTimeout: options.asyncUtilTimeout ?? 5000 });
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    server.resetHandlers();
  });
  afterAll(() => server.close());
  return server;
}

export type RenderPaneOptions = {
  language?: Language;
  compose?: ComposeMockOptions;
  fixtures?: BridgeFixtures;
  pdfs?: Map<string, Uint8Array>;
  bodyBackgroundColor?: string;
  timeoutMs?: number;
  /** Handlers that take precedence over the fixtures' (a failing bridge, a slow PDF). */
  overrides?: HttpHandler[];
  /** Office's user profile address, the sender of a reminder run. */
  userEmail?: string;
};

/**
 * Renders the real task pane against msw's bridge handlers and a simulated compose item, the way index.tsx
 * wires it in Outlook. Installs the mock as the global `Office`, since the wrappers read its enums.
 */
export function renderPane(server: SetupServer, options: RenderPaneOptions = {}) {
  const fixtures = options.fixtures ?? createBridgeFixtures();
  server.use(...createBridgeHandlers(fixtures, { pdfs: options.pdfs }), ...createBatchHandlers(fixtures).handlers);
  // msw asks the handlers added last first.
  if (options.overrides) server.use(...options.overrides);
  const compose = createComposeMock(options.compose);
  (globalThis as { Office?: unknown }).Office = compose.office;
  const bridge = createBridgeClient({ baseUrl: TEST_BRIDGE_ORIGIN, timeoutMs: options.timeoutMs ?? 5000 });
  const user = userEvent.setup();
  const view = render(
    <App
      bridge={bridge}
      item={createComposeItem(compose.item)}
      language={options.language ?? 'en'}
      officeTheme={{ bodyBackgroundColor: options.bodyBackgroundColor ?? '#ffffff' }}
      userEmail={options.userEmail ?? 'anna.keller@example.ch'}
    />,
  );
  return { ...view, user, compose, fixtures };
}
