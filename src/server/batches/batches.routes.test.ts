import type { FastifyInstance } from 'fastify';
import { BatchListSchema, BatchPreviewSchema, BatchSchema } from '../../contract/batches.schemas.js';
import { ErrorBodySchema } from '../../contract/errors.js';
import { formatDate, formatMoney } from '../../contract/swiss-format.js';
import {
  AMOUNT_DUE_LABEL,
  GREETING,
  SENDER,
  batchRequest,
  listReminders,
  postBatch,
  startBatchBridge,
  waitForBatch,
} from '../../../test/support/batch-bridge';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink';
import { devToken } from '../../../test/support/dev-auth';
import { useTempDir } from '../../../test/support/temp-dir';
import { eventually } from '../../../test/support/eventually';

describe('batch API on the demo ledger over a loopback SMTP server', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance | undefined;
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await app?.close();
    await sink?.close();
    app = sink = undefined;
  });

  async function bridge(env: Record<string, string> = {}) {
    sink = await startSmtpSink();
    app = await startBatchBridge(tempDir(), sink.port, env);
    return { app, sink };
  }

  it('sends every level-3 reminder as one registered message with exactly its own PDF, in the customer language', async () => {
    const { app, sink } = await bridge();
    const reminders = await listReminders(app, 'level=3');
    expect(reminders.length).toBeGreaterThan(10);
    expect(new Set(reminders.map((r) => r.customer.language)).size).toBeGreaterThan(2);
    const withEmail = reminders.filter((r) => r.customer.email);

    const posted = await postBatch(app, batchRequest(reminders.map((r) => r.id)), 'run-level-3');
    expect(posted.statusCode).toBe(202);
    const batch = await waitForBatch(app, BatchSchema.parse(posted.json()).id);
    expect(batch.counts).toMatchObject({ total: withEmail.length, accepted: withEmail.length, failed: 0 });
    expect(sink.messages).toHaveLength(withEmail.length);

    for (const reminder of withEmail) {
      const title = { de: 'Mahnung', fr: 'Rappel', it: 'Sollecito', en: 'Reminder' }[reminder.customer.language];
      const language = reminder.customer.language;
      const received = sink.messages.filter((m) => m.parsed.subject === `<r>${title} ${reminder.number}`);
      expect(received, reminder.number).toHaveLength(1);
      const [message] = received;
      expect(message!.envelope.to).toEqual([`${reminder.customer.email}.incamail.ch`]);
      expect(message!.envelope.from).toBe(SENDER);
      const pdf = await app.inject({ method: 'GET', url: `/api/documents/${reminder.id}/pdf` });
      expect(message!.parsed.attachments).toHaveLength(1);
      expect(message!.parsed.attachments[0]!.content.equals(pdf.rawPayload)).toBe(true);
      // The amounts and dates the customer reads are the ones of the shared Swiss format (and of the PDF).
      const payBy = formatDate(reminder.dueDate, language);
      const amountDue = formatMoney(reminder.openAmount + reminder.fee!, reminder.currency, language);
      const html = String(message!.parsed.html);
      // Values from the accounting arrive HTML-escaped (`Meier &amp; Partner AG`).
      const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
      expect(html).toContain(`${GREETING[language]} ${escaped(reminder.customer.name)}</p>`);
      expect(html).toContain(`${AMOUNT_DUE_LABEL[language]} ${escaped(amountDue)}`);
      expect(html).toContain(payBy);
      // The plain-text part says the same.
      expect(message!.parsed.text).toContain(`${AMOUNT_DUE_LABEL[language]} ${amountDue}`);
    }

    // Recorded in the accounting: the "not yet sent" filter no longer finds them, and each links to its send.
    await eventually(async () =>
      expect(await listReminders(app, 'level=3&notSent=true')).toHaveLength(reminders.length - withEmail.length),
    );
    const sent = await listReminders(app, 'level=3');
    for (const item of batch.items) {
      const lastSent = sent.find((r) => r.id === item.documentId)!.lastSent;
      expect(lastSent).toMatchObject({ mode: 'registered', sendId: item.sendId });
    }
  });

  it('marks each message for the mode of its level', async () => {
    const { app, sink } = await bridge();
    const pick = async (level: number) =>
      (await listReminders(app, `level=${level}`)).filter((r) => r.customer.email).slice(0, 2);
    const chosen = [...(await pick(1)), ...(await pick(2)), ...(await pick(3))];
    const modeByLevel = { '1': 'registered', '2': 'confidential', '3': 'personal' } as const;
    const posted = await postBatch(
      app,
      batchRequest(
        chosen.map((r) => r.id),
        { modeByLevel },
      ),
      'modes',
    );
    expect(posted.statusCode, posted.body).toBe(403);
    expect(ErrorBodySchema.parse(posted.json()).error.code).toBe('mode_not_allowed');

    const allowed = { '1': 'registered', '2': 'confidential', '3': 'confidential' } as const;
    const batch = BatchSchema.parse(
      (
        await postBatch(
          app,
          batchRequest(
            chosen.map((r) => r.id),
            { modeByLevel: allowed },
          ),
          'modes-2',
        )
      ).json(),
    );
    await waitForBatch(app, batch.id);
    const prefix = { registered: '<r>', confidential: '<c>', personal: '<p>' };
    for (const reminder of chosen) {
      const mode = allowed[`${reminder.level!}` as '1' | '2' | '3'];
      const message = sink.messages.find((m) => m.parsed.attachments[0]?.filename?.includes(reminder.number));
      expect(message?.parsed.attachments, reminder.number).toHaveLength(1);
      expect(message?.parsed.subject, reminder.number).toMatch(new RegExp(`^${prefix[mode]}\\w+ ${reminder.number}$`));
    }
    expect(sink.messages).toHaveLength(chosen.length);
  });

  it('bounds previews, which render every PDF: ten a minute per sender, others unaffected', async () => {
    const { app, sink } = await bridge();
    const ids = (await listReminders(app, '')).filter((r) => r.customer.email).map((r) => r.id);
    const preview = (documentIds: string[], headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/api/batches/preview', headers, payload: batchRequest(documentIds) });

    expect((await preview(ids.slice(0, 20))).statusCode).toBe(200);
    // One preview is spent; nine more fit in the minute, the tenth after them does not.
    for (let i = 0; i < 9; i++) expect((await preview(ids.slice(0, 1))).statusCode, `preview ${i + 2}`).toBe(200);
    const over = await preview(ids.slice(0, 1));
    expect(over.statusCode).toBe(429);
    expect(ErrorBodySchema.parse(over.json()).error.message).toMatch(/Too many previews/);
    const other = { authorization: `Bearer ${await devToken(app, 'bruno.weber@example.ch')}` };
    expect((await preview(ids.slice(0, 1), other)).statusCode).toBe(200);
    expect(sink.messages).toHaveLength(0);
  });

  it('previews one message per reminder without sending, and lists customers without an address apart', async () => {
    const { app, sink } = await bridge();
    const reminders = await listReminders(app, '');
    const without = reminders.filter((r) => !r.customer.email);
    expect(without.length).toBeGreaterThan(0);
    const chosen = [...without, ...reminders.filter((r) => r.customer.email).slice(0, 5)];
    const response = await app.inject({
      method: 'POST',
      url: '/api/batches/preview',
      payload: batchRequest(chosen.map((r) => r.id)),
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = BatchPreviewSchema.parse(response.json());
    expect(preview.withoutEmail.map((r) => r.documentId).sort()).toEqual(without.map((r) => r.id).sort());
    expect(preview.messages).toHaveLength(5);
    for (const message of preview.messages) {
      const pdf = await app.inject({ method: 'GET', url: `/api/documents/${message.documentId}/pdf` });
      expect(message.attachments).toHaveLength(1);
      expect(message.attachments[0]!.sizeBytes).toBe(pdf.rawPayload.length);
      expect(pdf.headers['content-disposition']).toContain(message.attachments[0]!.fileName);
      expect(message.html).toContain(GREETING[message.language]);
      expect(message.subject).toContain(message.number);
    }
    expect(preview.summary.messages).toBe(5);
    const bytes = preview.messages.map((m) => Buffer.byteLength(m.html) + m.attachments[0]!.sizeBytes);
    expect(preview.summary.totalBytes).toBe(bytes.reduce((a, b) => a + b, 0));
    expect(Object.values(preview.summary.byMode).reduce((a, b) => a + b, 0)).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink.dataAttempts()).toBe(0);
  });

  it('creates a batch once per Idempotency-Key and refuses the key for a different batch', async () => {
    const { app, sink } = await bridge();
    const ids = (await listReminders(app, 'level=2')).filter((r) => r.customer.email).map((r) => r.id);
    const first = await postBatch(app, batchRequest(ids.slice(0, 3)), 'same-key');
    const again = await postBatch(app, batchRequest(ids.slice(0, 3)), 'same-key');
    expect([first.statusCode, again.statusCode]).toEqual([202, 200]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const id = BatchSchema.parse(first.json()).id;
    expect(BatchSchema.parse(again.json()).id).toBe(id);
    await waitForBatch(app, id);
    expect(sink.messages).toHaveLength(3);

    const other = await postBatch(app, batchRequest(ids.slice(0, 2)), 'same-key');
    expect(other.statusCode).toBe(409);
    const second = BatchSchema.parse((await postBatch(app, batchRequest(ids.slice(3, 4)), 'other-key')).json());
    const list = BatchListSchema.parse((await app.inject({ method: 'GET', url: '/api/batches' })).json());
    expect(list.items.map((b) => b.id)).toEqual([second.id, id]);
    const missingKey = await app.inject({ method: 'POST', url: '/api/batches', payload: batchRequest(ids) });
    expect(missingKey.statusCode).toBe(400);
  });

  it('refuses a batch naming invoices, unknown documents or unknown placeholders', async () => {
    const { app, sink } = await bridge();
    const reminders = await listReminders(app, '');
    const french = reminders.find((r) => r.customer.language === 'fr')!;
    const invoice = (await app.inject({ method: 'GET', url: '/api/documents?kind=invoice&limit=1' })).json() as {
      items: { id: string }[];
    };
    const cases = [
      {
        body: batchRequest([french.id, invoice.items[0]!.id, 'rem-999999']),
        expected: ['body.documentIds.1', 'body.documentIds.2'],
      },
      {
        body: batchRequest([french.id], { templates: { fr: { '1': { subject: 'Rappel {numero}', body: 'x' } } } }),
        expected: ['body.templates.fr.1.subject'],
      },
    ];
    for (const { body, expected } of cases) {
      const response = await app.inject({ method: 'POST', url: '/api/batches/preview', payload: body });
      expect(response.statusCode, response.body).toBe(400);
      const { error } = ErrorBodySchema.parse(response.json());
      expect(error.details?.map((d) => d.path)).toEqual(expected);
    }
    expect(sink.dataAttempts()).toBe(0);
  });

  it('hands messages toward the gateway no faster than BATCH_RATE_PER_MINUTE', async () => {
    const { app, sink } = await bridge({ BATCH_RATE_PER_MINUTE: '600', BATCH_CONCURRENCY: '8' });
    const ids = (await listReminders(app, ''))
      .filter((r) => r.customer.email)
      .slice(0, 5)
      .map((r) => r.id);
    const started = Date.now();
    const batch = BatchSchema.parse((await postBatch(app, batchRequest(ids), 'paced')).json());
    await waitForBatch(app, batch.id);
    // 600 a minute is one every 100 ms: five messages need at least four intervals.
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(sink.messages).toHaveLength(5);
  });
});
