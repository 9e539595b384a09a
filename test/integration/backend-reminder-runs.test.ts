/**
 * A reminder run works unchanged on every accounting backend: the open reminders the pane lists, one message
 * per customer carrying each reminder's PDF as the backend serves it, the amount due in the text matching the
 * reminder, and the backend told where it can be (bexio's mark_as_sent, once per reminder).
 */
import type { FastifyInstance } from 'fastify';
import { setupServer } from 'msw/node';
import { amountDue } from '../../src/contract/amount-due';
import type { DocumentSummary } from '../../src/contract/documents.schemas';
import { formatMoney } from '../../src/contract/swiss-format';
import { buildApp } from '../../src/server/app';
import { FIXTURE_TODAY } from '../support/accounting-fixture';
import {
  AMOUNT_DUE_LABEL,
  batchRequest,
  listReminders,
  postBatch,
  SENDER,
  waitForBatch,
} from '../support/batch-bridge';
import { STAND_IN_TOKEN } from '../support/bexio/bexio-seed';
import { createBexioStandIn, type BexioStandIn } from '../support/bexio/bexio-stand-in';
import { testBridgeConfig } from '../support/bridge-config';
import { signInAs } from '../support/dev-auth';
import { eventually } from '../support/eventually';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';
import { winbizBridgeEnv } from '../support/winbiz/winbiz-env';
import { createWinbizStandIn } from '../support/winbiz/winbiz-stand-in';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

type Backend = { name: string; env: () => Record<string, string>; bexio?: BexioStandIn };

const backends: Backend[] = [
  {
    name: 'bexio',
    env() {
      this.bexio = createBexioStandIn({ baseUrl: 'https://bexio.stand-in.example' });
      server.resetHandlers(...this.bexio.handlers);
      return { ACCOUNTING: 'bexio', BEXIO_API_URL: 'https://bexio.stand-in.example', BEXIO_TOKEN: STAND_IN_TOKEN };
    },
  },
  {
    name: 'WinBIZ Cloud',
    env() {
      const winbiz = createWinbizStandIn({ today: FIXTURE_TODAY });
      server.resetHandlers(...winbiz.handlers);
      return winbizBridgeEnv(winbiz, 'https://winbiz.stand-in.example');
    },
  },
];

describe.each(backends)('a reminder run on $name', (backend) => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  let sink: SmtpSink;
  beforeEach(async () => {
    sink = await startSmtpSink();
    const config = testBridgeConfig(tempDir(), sink.port, {
      NODE_ENV: 'test',
      INCAMAIL_RETRY_SECONDS: '0.02',
      BATCH_RATE_PER_MINUTE: '60000',
      ...backend.env(),
    });
    app = await buildApp({ config, logger: false, today: () => FIXTURE_TODAY });
    await signInAs(app, SENDER);
  });
  afterEach(async () => {
    await app?.close();
    await sink?.close();
  });

  it("sends each customer one message with their reminders' PDFs, as the backend serves them", async () => {
    const reminders = await listReminders(app, '');
    expect(reminders.length).toBeGreaterThanOrEqual(2);
    const customers = new Set(reminders.map((r) => r.customer.id));
    const response = await postBatch(
      app,
      batchRequest(
        reminders.map((r) => r.id),
        { grouping: 'per-customer' },
      ),
      `run-${backend.name.replace(/\s+/g, '-')}`,
    );
    expect(response.statusCode, response.body).toBe(202);
    const batch = await waitForBatch(app, response.json().id);
    expect(batch.counts).toMatchObject({ accepted: customers.size, failed: 0 });
    expect(sink.messages).toHaveLength(customers.size);

    const pdfOf = async (r: DocumentSummary) => (await app.inject({ url: `/api/documents/${r.id}/pdf` })).rawPayload;
    for (const message of sink.messages) {
      const to = message.envelope.to[0]!;
      const theirs = reminders.filter((r) => to.startsWith(r.customer.email!.toLowerCase()));
      expect(theirs.length, to).toBeGreaterThan(0);
      const attached = message.parsed.attachments.map((a) => a.content.toString('base64')).sort();
      const expected = (await Promise.all(theirs.map(pdfOf))).map((b) => b.toString('base64')).sort();
      expect(attached, to).toEqual(expected);
      // One message per customer asks for the sum of its reminders ({amountDue} of the group).
      const cents = theirs.reduce((sum, r) => sum + Math.round(amountDue(r)! * 100), 0);
      const due = formatMoney(cents / 100, theirs[0]!.currency, theirs[0]!.customer.language);
      expect(message.parsed.text, to).toContain(`${AMOUNT_DUE_LABEL[theirs[0]!.customer.language]} ${due}`);
    }
    if (backend.bexio) {
      const bexio = backend.bexio;
      await eventually(async () =>
        expect([...bexio.state.markedAsSent].sort()).toEqual(reminders.map((r) => r.id).sort()),
      );
    }
  });
});
