import type { FastifyInstance } from 'fastify';
import { BatchSchema, type Batch, type BatchRequestInput, type Templates } from '../../src/contract/batches.schemas';
import { DocumentPageSchema, type DocumentSummary } from '../../src/contract/documents.schemas';
import { signInAs } from './dev-auth';
import { buildApp } from '../../src/server/app';
import { testBridgeConfig } from './bridge-config';

/** One template per language, naming every kind of placeholder. */
export const TEMPLATES: Templates = {
  de: {
    subject: 'Mahnung {number}',
    html: '<p>Guten Tag {customerName}</p><p>Offen: {amount}, fällig am {dueDate} (Stufe {level}, Gebühr {fee}).</p>',
  },
  fr: {
    subject: 'Rappel {number}',
    html: '<p>Bonjour {customerName}</p><p>Montant : {amount}, échéance le {dueDate} (niveau {level}).</p>',
  },
  it: {
    subject: 'Sollecito {number}',
    html: '<p>Buongiorno {customerName}</p><p>Importo: {amount}, scadenza {dueDate} (livello {level}).</p>',
  },
  en: {
    subject: 'Reminder {number}',
    html: '<p>Dear {customerName}</p><p>Amount due: {amount}, due on {dueDate} (level {level}).</p>',
  },
};

export const GREETING = { de: 'Guten Tag', fr: 'Bonjour', it: 'Buongiorno', en: 'Dear' } as const;

export const SENDER = 'anna.keller@example.ch';

export function batchRequest(documentIds: string[], overrides: Partial<BatchRequestInput> = {}): BatchRequestInput {
  return { documentIds, templates: TEMPLATES, ...overrides };
}

/**
 * The whole bridge (buildApp: demo ledger, outbox, batches) over `dir`, submitting to a loopback SMTP
 * server on `smtpPort`, with short retry delays so fault tests stay fast.
 */
export async function startBatchBridge(dir: string, smtpPort: number, env: Record<string, string> = {}) {
  const config = testBridgeConfig(dir, smtpPort, {
    NODE_ENV: 'test',
    INCAMAIL_RETRY_SECONDS: '0.02',
    INCAMAIL_TIMEOUT_SECONDS: '2',
    BATCH_RATE_PER_MINUTE: '60000',
    ...env,
  });
  const app = await buildApp({ config, logger: false });
  await signInAs(app, SENDER);
  return app;
}

export async function listReminders(app: FastifyInstance, query: string): Promise<DocumentSummary[]> {
  const response = await app.inject({ method: 'GET', url: `/api/documents?kind=reminder&limit=200&${query}` });
  return DocumentPageSchema.parse(response.json()).items;
}

export async function postBatch(app: FastifyInstance, body: BatchRequestInput, key: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/batches',
    headers: { 'idempotency-key': key },
    payload: body,
  });
  return response;
}

/** Polls the batch as the task pane does until `done` says so. */
export async function waitForBatch(
  app: FastifyInstance,
  id: string,
  done: (batch: Batch) => boolean = (batch) => batch.status === 'done',
  timeoutMs = 20_000,
): Promise<Batch> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = BatchSchema.parse((await app.inject({ method: 'GET', url: `/api/batches/${id}` })).json());
    if (done(batch)) return batch;
    if (Date.now() > deadline) throw new Error(`batch ${id} still ${JSON.stringify(batch.counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
