import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { insertLedgerData } from '../../src/server/accounting/ledger/seed';
import { migrateLedger } from '../../src/server/accounting/ledger/schema';
import { buildApp } from '../../src/server/app';
import { openDatabase, type Db } from '../../src/server/storage/database';
import { testBridgeConfig } from './bridge-config';
import { devToken } from './dev-auth';
import { PANE_TODAY, paneLedgerData, type PaneLedgerOptions } from './pane-ledger';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

/** The origin the pane's bridge client talks to in component tests; msw hands its requests to the bridge. */
export const PANE_BRIDGE_ORIGIN = 'http://bridge.test';

/** A request the pane made, as the bridge received it (for tests that check what the pane asked for). */
export type PaneRequest = { method: string; path: string; body: unknown };

export type PaneBridge = {
  app: FastifyInstance;
  /** IncaMail, played by a real SMTP server on loopback. */
  smtp: SmtpSink;
  /** Recipients (as IncaMail sees them, with the `.incamail.ch` suffix) that IncaMail refuses at RCPT TO. */
  refusedRecipients: Set<string>;
  requests: PaneRequest[];
  /** The ledger's own SQLite file, opened beside the bridge (to change the ledger behind the pane's back). */
  ledgerDb: () => Db;
  /** The PDF the bridge serves for a document, as the pane would receive it. */
  pdfOf: (documentId: string) => Promise<Buffer>;
  /** A request to the bridge as the pane's signed-in user (for a test's own look at the bridge's state). */
  asUser: (options: {
    method?: 'GET' | 'POST';
    url: string;
    headers?: Record<string, string>;
    payload?: object;
  }) => Promise<LightMyRequestResponse>;
  /** msw's hand-over to the bridge, in-process through Fastify's inject: no port, the real routes. */
  handler: HttpHandler;
  close: () => Promise<void>;
};

/**
 * The real bridge for the pane's tests: buildApp over a fresh data directory whose built-in ledger holds the
 * pane's test data (see pane-ledger.ts), today pinned, development sign-in, IncaMail on a loopback SMTP
 * server with fast retries. msw stays at the network edge only to inject faults on top of it.
 */
export async function startPaneBridge(ledger: PaneLedgerOptions = {}): Promise<PaneBridge> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-pane-'));
  const refusedRecipients = new Set<string>();
  const smtp = await startSmtpSink({
    replyToRcpt: (_n, address) =>
      refusedRecipients.has(address) ? { code: 550, message: '5.1.1 Recipient unknown' } : undefined,
  });
  const config = testBridgeConfig(dir, smtp.port, {
    NODE_ENV: 'test',
    INCAMAIL_RETRY_SECONDS: '0.02',
    INCAMAIL_TIMEOUT_SECONDS: '2',
    BATCH_RATE_PER_MINUTE: '60000',
    ...ledger.bridgeEnv,
  });
  // The ledger's data goes in before the bridge starts, so the bridge does not seed its demo data.
  mkdirSync(config.dataDir, { recursive: true });
  const file = path.join(config.dataDir, 'ledgermail.sqlite');
  const seeding = openDatabase(file);
  migrateLedger(seeding);
  insertLedgerData(seeding, paneLedgerData(ledger));
  seeding.close();

  const app = await buildApp({ config, logger: false, today: () => PANE_TODAY });
  const requests: PaneRequest[] = [];
  const asUser: PaneBridge['asUser'] = async ({ headers, ...options }) =>
    app.inject({ ...options, headers: { authorization: `Bearer ${await devToken(app)}`, ...headers } });
  let sideDb: Db | undefined;

  const handler = http.all(`${PANE_BRIDGE_ORIGIN}/*`, async ({ request }) => {
    const url = new URL(request.url);
    const payload =
      request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.from(await request.arrayBuffer());
    const contentType = request.headers.get('content-type') ?? '';
    requests.push({
      method: request.method,
      path: url.pathname + url.search,
      body: payload && contentType.includes('json') ? JSON.parse(payload.toString('utf8')) : undefined,
    });
    const response = await app.inject({
      method: request.method as 'GET',
      url: url.pathname + url.search,
      headers: Object.fromEntries(request.headers),
      ...(payload ? { payload } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [String(value)]) headers.append(name, one);
    }
    return new HttpResponse(response.rawPayload.length > 0 ? response.rawPayload : null, {
      status: response.statusCode,
      headers,
    });
  });

  return {
    app,
    smtp,
    refusedRecipients,
    requests,
    ledgerDb: () => (sideDb ??= openDatabase(file)),
    async pdfOf(documentId) {
      const response = await asUser({ url: `/api/documents/${documentId}/pdf` });
      if (response.statusCode !== 200) throw new Error(`no PDF for ${documentId}: ${response.statusCode}`);
      return response.rawPayload;
    },
    asUser,
    handler,
    async close() {
      sideDb?.close();
      await app.close();
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A client test file's network edge: one real bridge for the file, msw handing it every request of the
 * client (failing on any other), and faults a test puts in front with `server.use`, reset after each test.
 */
export function bridgeBehindMsw(ledger: PaneLedgerOptions = {}): { server: SetupServer; bridge: () => PaneBridge } {
  const server = setupServer();
  let bridge: PaneBridge | undefined;
  beforeAll(async () => {
    bridge = await startPaneBridge(ledger);
    server.listen({ onUnhandledRequest: 'error' });
  });
  beforeEach(() => server.use(bridge!.handler));
  afterEach(() => server.resetHandlers());
  afterAll(async () => {
    server.close();
    await bridge?.close();
  });
  return {
    server,
    bridge: () => {
      if (!bridge) throw new Error('The bridge starts in beforeAll');
      return bridge;
    },
  };
}
