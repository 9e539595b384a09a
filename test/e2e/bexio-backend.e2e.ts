/**
 * LedgerMail on bexio as a new user tries it in the workbench: a bridge started with ACCOUNTING=bexio and
 * BEXIO_API_URL pointing at the bexio stand-in on loopback (bexio's documented answers, the contract fixture).
 * A contact's address in To lists their invoices first, attaching gives exactly bexio's PDF bytes, a registered
 * send marks the invoice as sent in bexio once, a 429 on the PDF is waited out, a revoked token is explained.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { startBridge, type RunningBridge } from './support/bridge-process';
import { launchChromium, type LaunchedBrowser } from './support/chromium';
import { e2eRun } from './support/e2e-run';
import { Screenshots, Workbench } from './support/workbench-page';
import { createBexioStandIn, type BexioStandIn } from '../support/bexio/bexio-stand-in';
import { ALL_SCOPES, STAND_IN_TOKEN } from '../support/bexio/bexio-seed';
import { eventually } from '../support/eventually';
import { startHttpStandIn, type StandIn } from '../support/http-stand-in';

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const MUELLER = 'buchhaltung@mueller-baeckerei.example';

describe('the workbench on bexio', () => {
  let bexio: BexioStandIn;
  let standIn: StandIn;
  let bridge: RunningBridge;
  let browser: LaunchedBrowser;
  const opened: Workbench[] = [];

  beforeAll(async () => {
    bexio = createBexioStandIn();
    standIn = await startHttpStandIn(bexio.handlers);
    bridge = await startBridge(path.join(e2eRun().screenshotDir, 'bridge-bexio.log'), {
      ACCOUNTING: 'bexio',
      BEXIO_API_URL: standIn.url,
      BEXIO_TOKEN: STAND_IN_TOKEN,
    });
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const wb of opened.splice(0)) await wb.page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
    await standIn?.close();
  });

  async function open(testName: string) {
    const shots = new Screenshots(e2eRun().screenshotDir, `bexio-${testName}`);
    const wb = await Workbench.open(browser.context, { baseUrl: bridge.url, shots });
    opened.push(wb);
    return wb;
  }

  /** bexio's id of the fixture invoice with this number. */
  const bexioIdOf = (number: string) => bexio.state.invoices.find((i) => i.document_nr === number)!.id as number;
  const pdfRequests = (number: string) =>
    bexio.requests.filter((r) => r.path === `/2.0/kb_invoice/${bexioIdOf(number)}/pdf`).length;

  it("lists a contact's invoices first, attaches bexio's PDF and marks the invoice sent once", async () => {
    const wb = await open('registered');
    const subject = 'Rechnung RE-2026-0101 (e2e bexio)';
    await wb.typeRecipients('to', MUELLER);
    await wb.typeSubject(subject);
    const forMessage = wb.pane().getByRole('region', { name: 'For this message' });
    const attach = forMessage.getByRole('button', { name: 'Attach invoice RE-2026-0101' });
    await attach.waitFor({ timeout: 20_000 });
    // Müller's invoices, and only theirs, come first.
    const rows = await forMessage.getByRole('listitem').allTextContents();
    expect(rows.length).toBe(5);
    expect(rows.every((row) => row.includes('Bäckerei Müller'))).toBe(true);
    await wb.pane().getByText('From bexio.').waitFor();
    await wb.screenshot('recipient-invoices-first');

    await attach.click();
    await eventually(async () => expect((await wb.attachments()).length).toBe(1), { timeoutMs: 20_000 });
    const [attachment] = await wb.attachments();
    expect(sha256(Buffer.from(attachment!.base64, 'base64'))).toBe(sha256(bexio.pdfOf('RE-2026-0101')));

    await wb.waitForFunctionFile(['sendRegistered']);
    const run = await wb.runRibbonCommand('Registered', 60_000);
    expect(run.status).toBe('completed');
    await wb.screenshot('sent');
    const sandbox = await wb.sandboxMessages();
    if (sandbox.status !== 'available') throw new Error('sandbox not available');
    const sent = sandbox.messages.filter((m) => m.subject.endsWith(subject));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.attachments.map((a) => a.sha256)).toEqual([sha256(bexio.pdfOf('RE-2026-0101'))]);
    const invoiceId = `inv-${bexioIdOf('RE-2026-0101')}`;
    await eventually(async () => expect(bexio.state.markedAsSent).toEqual([invoiceId]), { timeoutMs: 20_000 });
  });

  it('waits out a 429 on the PDF endpoint and attaches all the same', async () => {
    const wb = await open('rate-limited');
    bexio.faults.add({
      method: 'GET',
      path: `/2.0/kb_invoice/${bexioIdOf('RE-2026-0102')}/pdf`,
      reply: { status: 429, headers: { 'ratelimit-reset': '1' } },
    });
    const before = pdfRequests('RE-2026-0102');
    await wb.typeRecipients('to', MUELLER);
    const attach = wb.pane().getByRole('button', { name: 'Attach invoice RE-2026-0102' }).first();
    await attach.waitFor({ timeout: 20_000 });
    await attach.click();
    await eventually(async () => expect((await wb.attachments()).length).toBe(1), { timeoutMs: 20_000 });
    const [attachment] = await wb.attachments();
    expect(sha256(Buffer.from(attachment!.base64, 'base64'))).toBe(sha256(bexio.pdfOf('RE-2026-0102')));
    expect(pdfRequests('RE-2026-0102') - before).toBe(2);
  });

  it('explains a token bexio revoked, in the words of the user', async () => {
    bexio.state.tokens.delete(STAND_IN_TOKEN);
    try {
      const wb = await open('revoked');
      await wb.typeRecipients('to', MUELLER);
      const all = wb.pane().getByRole('region', { name: 'All documents' });
      await all
        .getByText('The accounting software refused LedgerMail; ask your administrator to reconnect it.')
        .waitFor({
          timeout: 20_000,
        });
      await wb.screenshot('revoked-token');
    } finally {
      bexio.state.tokens.set(STAND_IN_TOKEN, new Set(ALL_SCOPES));
    }
  });
});
