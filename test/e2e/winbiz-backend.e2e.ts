/**
 * LedgerMail on WinBIZ Cloud as a new user tries it in the workbench: a bridge started with ACCOUNTING=winbiz
 * and WINBIZ_API_URL pointing at the WinBIZ stand-in on loopback. A customer's address in To lists their open
 * items first; the statement LedgerMail produces carries a QR-bill for exactly WinBIZ's open amount and says
 * where it comes from; a registered send takes those bytes through IncaMail's sandbox.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { startBridge, type RunningBridge } from './support/bridge-process';
import { launchChromium, type LaunchedBrowser } from './support/chromium';
import { e2eRun } from './support/e2e-run';
import { Screenshots, Workbench } from './support/workbench-page';
import { eventually } from '../support/eventually';
import { startHttpStandIn, type StandIn } from '../support/http-stand-in';
import { parseQrBillPayload, readQrCodeFromPdf } from '../support/pdf-reader';
import { winbizBridgeEnv } from '../support/winbiz/winbiz-env';
import { createWinbizStandIn, type WinbizStandIn } from '../support/winbiz/winbiz-stand-in';

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the workbench on WinBIZ Cloud', () => {
  let winbiz: WinbizStandIn;
  let standIn: StandIn;
  let bridge: RunningBridge;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    winbiz = createWinbizStandIn();
    standIn = await startHttpStandIn(winbiz.handlers);
    bridge = await startBridge(
      path.join(e2eRun().screenshotDir, 'bridge-winbiz.log'),
      winbizBridgeEnv(winbiz, standIn.url),
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
    await standIn?.close();
  });

  it("attaches a statement whose QR-bill asks WinBIZ's open amount, and sends it registered", async () => {
    const shots = new Screenshots(e2eRun().screenshotDir, 'winbiz-registered');
    const wb = await Workbench.open(browser.context, { baseUrl: bridge.url, shots });
    try {
      const subject = 'Facture RE-2026-0106 (e2e WinBIZ)';
      await wb.typeRecipients('to', 'compta@atelier-dubois.example');
      await wb.typeSubject(subject);
      const forMessage = wb.pane().getByRole('region', { name: 'For this message' });
      const attach = forMessage.getByRole('button', { name: 'Attach invoice RE-2026-0106' });
      await attach.waitFor({ timeout: 20_000 });
      await wb.pane().getByText('From WinBIZ Cloud. LedgerMail produces the PDFs from its open items.').waitFor();
      await wb.screenshot('open-items-first');

      await attach.click();
      await eventually(async () => expect((await wb.attachments()).length).toBe(1), { timeoutMs: 20_000 });
      const [attachment] = await wb.attachments();
      const bytes = Buffer.from(attachment!.base64, 'base64');
      const item = winbiz.state.documents.find((d) => d.DocumentNumber === 'RE-2026-0106')!;
      const qr = parseQrBillPayload(readQrCodeFromPdf(bytes)!);
      expect(qr.amount).toBe(((item.totalCents - item.paidCents) / 100).toFixed(2));

      await wb.waitForFunctionFile(['sendRegistered']);
      const run = await wb.runRibbonCommand('Registered', 60_000);
      expect(run.status).toBe('completed');
      const sandbox = await wb.sandboxMessages();
      if (sandbox.status !== 'available') throw new Error('sandbox not available');
      const sent = sandbox.messages.filter((m) => m.subject.endsWith(subject));
      expect(sent).toHaveLength(1);
      expect(sent[0]!.attachments.map((a) => a.sha256)).toEqual([sha256(bytes)]);
      await wb.screenshot('sent');
    } finally {
      await wb.page.close();
    }
  });
});
