import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  BatchRequestSchema,
  type Batch,
  type BatchItem,
  type BatchPreview,
  type BatchReminder,
  type BatchRequest,
} from '../../src/contract/batches.schemas';
import type { DocumentSummary } from '../../src/contract/documents.schemas';
import { AppError, issuesToDetails } from '../../src/contract/errors';
import { placeholderValues, renderMessage } from '../../src/server/batches/template-render';
import { fixtureFileName, type BridgeFixtures } from './bridge-fixtures';
import { TEST_BRIDGE_ORIGIN } from './bridge-handlers';

/**
 * msw handlers for the batch API (`/api/batches…`) over the bridge fixtures, answering as the contract says.
 * A batch advances one item per progress request (queued → accepted, or failed for a refused recipient), so
 * a test sees the progress bar move; `state` tells a test what was asked and sent.
 */
export type BatchHandlerOptions = { base?: string; refuse?: Set<string>; fileBytes?: number };

export type BatchFake = {
  handlers: HttpHandler[];
  batches: Map<string, Batch>;
  /** Every document handed over for sending, once per send (a retry adds it again). */
  sent: string[];
  previews: BatchRequest[];
};

const reminderOf = (d: DocumentSummary): BatchReminder => ({
  documentId: d.id,
  number: d.number,
  customerId: d.customer.id,
  customerName: d.customer.name,
  language: d.customer.language,
  level: d.level ?? 1,
});

export function createBatchHandlers(fixtures: BridgeFixtures, options: BatchHandlerOptions = {}): BatchFake {
  const base = options.base ?? TEST_BRIDGE_ORIGIN;
  const refuse = options.refuse ?? new Set<string>();
  const fake: BatchFake = { handlers: [], batches: new Map(), sent: [], previews: [] };
  const keys = new Map<string, string>();

  async function parse(request: Request): Promise<BatchRequest | Response> {
    const parsed = BatchRequestSchema.safeParse(await request.json());
    if (!parsed.success) {
      const details = issuesToDetails(parsed.error, 'body');
      return errorResponse(new AppError('bad_request', 'Invalid request body.', { details }));
    }
    return parsed.data;
  }

  function render(body: BatchRequest) {
    const documents = body.documentIds.map((id) => fixtures.documents.find((d) => d.id === id)!);
    return documents.map((d) => ({
      document: d,
      ...renderMessage(body.templates[d.customer.language]!, placeholderValues(d, '', d.customer.language)),
    }));
  }

  function progress(batch: Batch): Batch {
    const next = batch.items.find((item) => item.status === 'queued');
    if (next) {
      fake.sent.push(next.documentId);
      Object.assign(
        next,
        refuse.has(next.recipient)
          ? {
              status: 'failed',
              smtpResponse: '550 5.1.1 Recipient unknown',
              error: { code: 'upstream_rejected', message: 'Recipient unknown' },
            }
          : { status: 'accepted', smtpResponse: `250 Ok: queued as ${next.documentId}`, error: null },
      );
    }
    const count = (status: BatchItem['status']) => batch.items.filter((item) => item.status === status).length;
    batch.counts = {
      total: batch.items.length,
      queued: count('queued'),
      sending: count('sending'),
      accepted: count('accepted'),
      failed: count('failed'),
      uncertain: count('uncertain'),
    };
    batch.status = batch.counts.queued + batch.counts.sending === 0 ? 'done' : 'running';
    return structuredClone(batch);
  }

  fake.handlers = [
    http.post(`${base}/api/batches/preview`, async ({ request }) => {
      const body = await parse(request);
      if (body instanceof Response) return body;
      fake.previews.push(body);
      const rendered = render(body);
      const messages = rendered
        .filter((r) => r.document.customer.email)
        .map((r) => ({
          ...reminderOf(r.document),
          recipient: r.document.customer.email!,
          mode: body.modeByLevel[`${r.document.level ?? 1}` as '1' | '2' | '3'],
          subject: r.subject,
          html: r.html,
          attachment: { fileName: fixtureFileName(r.document), sizeBytes: options.fileBytes ?? 50_000 },
        }));
      const byMode = { registered: 0, confidential: 0, personal: 0 };
      for (const m of messages) byMode[m.mode]++;
      const preview: BatchPreview = {
        messages,
        withoutEmail: rendered.filter((r) => !r.document.customer.email).map((r) => reminderOf(r.document)),
        summary: {
          messages: messages.length,
          recipients: new Set(messages.map((m) => m.recipient)).size,
          totalBytes: messages.reduce((sum, m) => sum + m.html.length + m.attachment.sizeBytes, 0),
          byMode,
        },
      };
      return HttpResponse.json(preview);
    }),

    http.post(`${base}/api/batches`, async ({ request }) => {
      const key = request.headers.get('idempotency-key');
      if (!key) return errorResponse(new AppError('bad_request', 'the Idempotency-Key header is required'));
      const body = await parse(request);
      if (body instanceof Response) return body;
      const known = keys.get(key);
      if (known) return HttpResponse.json(fake.batches.get(known), { status: 200 });
      const rendered = render(body);
      const id = `batch-${fake.batches.size + 1}`;
      const batch: Batch = {
        id,
        status: 'running',
        from: 'anna.keller@example.ch',
        createdAt: new Date().toISOString(),
        counts: { total: 0, queued: 0, sending: 0, accepted: 0, failed: 0, uncertain: 0 },
        items: rendered
          .filter((r) => r.document.customer.email)
          .map((r) => ({
            ...reminderOf(r.document),
            recipient: r.document.customer.email!,
            mode: body.modeByLevel[`${r.document.level ?? 1}` as '1' | '2' | '3'],
            status: 'queued',
            sendId: null,
            smtpResponse: null,
            error: null,
            retries: 0,
            fileName: fixtureFileName(r.document),
            sizeBytes: options.fileBytes ?? 50_000,
          })),
        withoutEmail: rendered.filter((r) => !r.document.customer.email).map((r) => reminderOf(r.document)),
      };
      keys.set(key, id);
      fake.batches.set(id, batch);
      // Counts without advancing: the bridge answers before anything was sent.
      const first = structuredClone(batch);
      first.counts = { ...batch.counts, total: batch.items.length, queued: batch.items.length };
      return HttpResponse.json(first, { status: 202 });
    }),

    http.get(`${base}/api/batches`, () =>
      HttpResponse.json({
        items: [...fake.batches.values()]
          .reverse()
          .map(({ items: _items, withoutEmail: _without, ...summary }) => summary),
      }),
    ),

    http.get(`${base}/api/batches/:id`, ({ params }) => {
      const batch = fake.batches.get(String(params.id));
      if (!batch) return errorResponse(new AppError('not_found', `No batch with id "${String(params.id)}".`));
      return HttpResponse.json(progress(batch));
    }),

    http.post(`${base}/api/batches/:id/retry`, ({ params }) => {
      const batch = fake.batches.get(String(params.id));
      if (!batch) return errorResponse(new AppError('not_found', `No batch with id "${String(params.id)}".`));
      for (const item of batch.items.filter((i) => i.status === 'failed')) {
        Object.assign(item, { status: 'queued', retries: item.retries + 1, error: null, smtpResponse: null });
      }
      batch.status = 'running';
      const snapshot = structuredClone(batch);
      snapshot.counts = { ...batch.counts, failed: 0, queued: batch.items.filter((i) => i.status === 'queued').length };
      return HttpResponse.json(snapshot);
    }),
  ];
  return fake;
}

function errorResponse(error: AppError) {
  return HttpResponse.json(error.toJSON(), { status: error.status });
}
