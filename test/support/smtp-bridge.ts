import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { AppError } from '../../src/contract/errors';
import type { AccountingConnector, SentRecord } from '../../src/server/accounting/connector';
import { loadConfig } from '../../src/server/config';
import { installErrorHandling } from '../../src/server/http/errors';
import type { Outbox } from '../../src/server/sends/outbox';
import { registerSends } from '../../src/server/sends/sends.plugin';
import { openDatabase } from '../../src/server/storage/database';
import type { SendRequestInput } from '../../src/contract/send-request.schemas';

/**
 * The accounting side of a send as a test sees it: every `recordSent` call, optionally failing the first ones
 * as an unreachable backend would (`unavailable`) or as a ledger that does not know the documents (`unknown`).
 */
export function recordingAccounting(
  failFirst = 0,
  failure: 'unavailable' | 'unknown' = 'unavailable',
): Pick<AccountingConnector, 'recordSent'> & { calls: SentRecord[]; attempts: () => number } {
  const calls: SentRecord[] = [];
  let attempts = 0;
  return {
    calls,
    attempts: () => attempts,
    async recordSent(input) {
      if (attempts++ < failFirst) {
        throw failure === 'unknown'
          ? new AppError('not_found', `No such document: ${input.documentIds.join(', ')}`)
          : new Error('ledger unavailable');
      }
      calls.push(input);
    },
  };
}

export type SendsBridge = { app: FastifyInstance; outbox: Outbox; logs: string[] };

/**
 * The bridge's send path over a real SQLite file in `dir`, configured from environment-style variables like
 * the real bridge (INCAMAIL_SMTP_URL pointing at a loopback test server), with short retry delays.
 */
export async function startSendsBridge(options: {
  dir: string;
  env?: Record<string, string>;
  accounting?: Pick<AccountingConnector, 'recordSent'>;
  stopGraceMs?: number;
}): Promise<SendsBridge> {
  const config = loadConfig({
    TLS: 'off',
    NODE_ENV: 'test',
    DATA_DIR: options.dir,
    ADDIN_DIR: options.dir,
    INCAMAIL_RETRY_SECONDS: '0.02',
    INCAMAIL_TIMEOUT_SECONDS: '2',
    ...options.env,
  });
  const logs: string[] = [];
  // Fastify's default body limit, as the bridge's small one: the send route sets its own.
  const app = Fastify({ logger: { level: 'trace', stream: { write: (line: string) => logs.push(line) } } });
  installErrorHandling(app);
  const db = openDatabase(path.join(options.dir, 'ledgermail.sqlite'));
  app.addHook('onClose', async () => db.close());
  const { outbox } = await registerSends(app, {
    db,
    config,
    accounting: options.accounting,
    retry: { stopGraceMs: options.stopGraceMs ?? 2000 },
  });
  await app.ready();
  return { app: app as unknown as FastifyInstance, outbox, logs };
}

export const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'),
  Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  Buffer.from('\n%%EOF\n'),
]);

export function sendRequest(overrides: Partial<SendRequestInput> = {}): SendRequestInput {
  return {
    mode: 'registered',
    from: 'anna.keller@example.ch',
    to: ['max@example.org'],
    cc: ['lea@example.ch'],
    bcc: ['archive@example.ch'],
    subject: 'Invoice 2026-0042',
    html: '<p>Dear Max,</p><p>please find invoice 2026-0042 attached.</p>',
    attachments: [
      { name: 'Invoice-2026-0042.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') },
    ],
    documentIds: ['inv-2026-0042'],
    ...overrides,
  };
}

/** A send of accounting documents to one customer, as the pane hands it over: their PDFs, no copies. */
export function documentSend(input: {
  from: string;
  to: string;
  mode?: SendRequestInput['mode'];
  pdf: { name: string; content: Buffer };
  documentIds: string[];
}): SendRequestInput {
  return sendRequest({
    mode: input.mode ?? 'registered',
    from: input.from,
    to: [input.to],
    cc: [],
    bcc: [],
    attachments: [
      { name: input.pdf.name, contentType: 'application/pdf', contentBase64: input.pdf.content.toString('base64') },
    ],
    documentIds: input.documentIds,
  });
}
