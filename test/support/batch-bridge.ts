import type { FastifyInstance } from 'fastify';
import {
  BatchSchema,
  type Batch,
  type BatchRequestInput,
  type MessageTemplate,
  type Templates,
} from '../../src/contract/batches.schemas';
import { DocumentPageSchema, type DocumentSummary } from '../../src/contract/documents.schemas';
import { signInAs } from './dev-auth';
import { buildApp } from '../../src/server/app';
import { testBridgeConfig } from './bridge-config';

const everyLevel = (template: MessageTemplate) => ({ '1': template, '2': template, '3': template });

/** One template per language for every level, naming every kind of placeholder. */
export const TEMPLATES: Templates = {
  de: everyLevel({
    subject: 'Mahnung {number}',
    body: 'Guten Tag {customerName}\n\nZu bezahlen: {amountDue} bis {payBy} (Stufe {level}, Gebühr {fee}).',
  }),
  fr: everyLevel({
    subject: 'Rappel {number}',
    body: 'Bonjour {customerName}\n\nMontant dû : {amountDue} d’ici au {payBy} (niveau {level}).',
  }),
  it: everyLevel({
    subject: 'Sollecito {number}',
    body: 'Buongiorno {customerName}\n\nImporto dovuto: {amountDue} entro il {payBy} (livello {level}).',
  }),
  en: everyLevel({
    subject: 'Reminder {number}',
    body: 'Dear {customerName}\n\nAmount due: {amountDue} by {payBy} (level {level}).',
  }),
};

export const GREETING = { de: 'Guten Tag', fr: 'Bonjour', it: 'Buongiorno', en: 'Dear' } as const;
/** The words before the amount due in TEMPLATES. */
export const AMOUNT_DUE_LABEL = {
  de: 'Zu bezahlen:',
  fr: 'Montant dû :',
  it: 'Importo dovuto:',
  en: 'Amount due:',
} as const;

export const SENDER = 'anna.keller@example.ch';

/** One message per reminder unless a test asks for grouping: each message then carries exactly one PDF. */
export function batchRequest(documentIds: string[], overrides: Partial<BatchRequestInput> = {}): BatchRequestInput {
  return { documentIds, grouping: 'per-reminder', templates: TEMPLATES, ...overrides };
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
  // Reminders that can go out: open, asking for payment by a day still ahead (the demo seeds them so).
  const response = await app.inject({
    method: 'GET',
    url: `/api/documents?kind=reminder&status=open&limit=200&${query}`,
  });
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
