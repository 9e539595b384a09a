/**
 * What a reminder message says against what it carries (issue: reminders an accountant would sign): the
 * whole bridge over the demo ledger seeded today, a preview of every level in every language, with the
 * bridge's templates and with a run's own, grouped per customer and per reminder. Each PDF's QR code is read
 * back from the rendered page (pdftoppm + jsQR) and compared with the amounts and dates the text asks for.
 */
import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BatchPreviewSchema, type BatchRequestInput, type PreviewMessage } from '../../src/contract/batches.schemas';
import type { DocumentSummary } from '../../src/contract/documents.schemas';
import { todayInSwitzerland } from '../../src/server/accounting/ledger/dates';
import { askedPayments, datesIn, qrBillAsks } from '../support/asked-payments';
import { TEMPLATES, listReminders, startBatchBridge } from '../support/batch-bridge';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

describe('reminder messages ask for exactly what their QR-bills ask, by a day still ahead', () => {
  let dir: string;
  let app: FastifyInstance;
  let sink: SmtpSink;
  let sample: DocumentSummary[];
  const today = todayInSwitzerland();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-reminder-content-'));
    sink = await startSmtpSink();
    app = await startBatchBridge(dir, sink.port);
    const reminders = (await listReminders(app, '')).filter((r) => r.customer.email);
    // Each pair of language and level there is, plus every reminder of two customers who have several (for grouping).
    const byCustomer = new Map<string, DocumentSummary[]>();
    for (const r of reminders) byCustomer.set(r.customer.id, [...(byCustomer.get(r.customer.id) ?? []), r]);
    const several = [...byCustomer.values()]
      .filter((group) => group.length > 1)
      .slice(0, 2)
      .flat();
    const covered = new Set<string>();
    const spread = reminders.filter((r) => {
      const key = `${r.customer.language}/${r.level}`;
      return !covered.has(key) && covered.add(key);
    });
    // Reminders of partly paid invoices: what they ask (open amount and fee) differs from the invoice total.
    const partlyPaid = reminders.filter((r) => r.openAmount < r.total);
    expect(new Set(partlyPaid.map((r) => r.level)).size).toBeGreaterThanOrEqual(2);
    sample = [...new Map([...spread, ...several, ...partlyPaid].map((r) => [r.id, r])).values()];
    // The demo's few dozen open reminders do not hold every pair, but every language and every level.
    expect(covered.size).toBeGreaterThanOrEqual(8);
    expect(new Set(sample.map((r) => r.customer.language))).toEqual(new Set(['de', 'fr', 'it', 'en']));
    expect(new Set(sample.map((r) => r.level))).toEqual(new Set([1, 2, 3]));
    expect(several.length).toBeGreaterThanOrEqual(4);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await sink?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const qrAmounts = new Map<string, { currency: string; cents: number }>();
  async function asksOf(documentId: string) {
    let asks = qrAmounts.get(documentId);
    if (!asks) {
      const pdf = await app.inject({ method: 'GET', url: `/api/documents/${documentId}/pdf` });
      qrAmounts.set(documentId, (asks = qrBillAsks(pdf.rawPayload)));
    }
    return asks;
  }

  async function preview(request: Partial<BatchRequestInput>): Promise<PreviewMessage[]> {
    const body = { documentIds: sample.map((r) => r.id), ...request };
    const response = await app.inject({ method: 'POST', url: '/api/batches/preview', payload: body });
    expect(response.statusCode, response.body).toBe(200);
    return BatchPreviewSchema.parse(response.json()).messages;
  }

  async function expectTextMatchesDocuments(message: PreviewMessage) {
    const what = `${message.numbers.join(', ')} (${message.language}, level ${message.level})`;
    const reminders = message.documentIds.map((id) => sample.find((r) => r.id === id)!);
    const asks = await Promise.all(message.documentIds.map(asksOf));
    const asked = askedPayments(message.text, message.language);
    expect(asked.length, what).toBeGreaterThan(0);
    const total = asks.reduce((sum, a) => sum + a.cents, 0);
    const earliest = reminders.map((r) => r.dueDate).sort()[0]!;
    for (const payment of asked) {
      // Each amount asked for is one reminder's QR-bill amount by its deadline, or all of them by the earliest.
      const one = reminders.findIndex((r, i) => r.dueDate === payment.date && asks[i]!.cents === payment.cents);
      const all = payment.date === earliest && payment.cents === total;
      expect(one >= 0 || all, `${what}: asks ${JSON.stringify(payment)}; QR-bills ${JSON.stringify(asks)}`).toBe(true);
      expect(payment.currency, what).toBe(asks[0]!.currency);
    }
    expect(
      asked.some((p) => p.cents === total && p.date === earliest),
      `${what} asks for the total`,
    ).toBe(true);
    for (const date of datesIn(message.text)) expect(date > today, `${what}: ${date} is not after ${today}`).toBe(true);
    // The HTML part says what the text part says.
    expect(askedPayments(message.html.replace(/<[^>]+>/g, ''), message.language), what).toEqual(asked);
  }

  it.each([
    ['the bridge’s templates, one message per customer', { grouping: 'per-customer' as const }],
    ['the bridge’s templates, one message per reminder', { grouping: 'per-reminder' as const }],
    ['a run’s own templates, one message per customer', { grouping: 'per-customer' as const, templates: TEMPLATES }],
  ])(
    'with %s',
    async (_, request) => {
      const messages = await preview(request);
      const reminders = messages.reduce((sum, m) => sum + m.documentIds.length, 0);
      expect(reminders).toBe(sample.length);
      if (request.grouping === 'per-customer') {
        expect(messages.length).toBeLessThan(sample.length);
        expect(new Set(messages.map((m) => m.customerId)).size).toBe(messages.length);
      } else {
        expect(messages).toHaveLength(sample.length);
      }
      expect(new Set(messages.map((m) => m.language))).toEqual(new Set(['de', 'fr', 'it', 'en']));
      for (const message of messages) await expectTextMatchesDocuments(message);
    },
    180_000,
  );
});
