/**
 * The mailbox route as a user meets it in the workbench: a bridge with INCAMAIL_ROUTE=mailbox, Registered marks
 * the draft in the compose window (nothing goes to the sandbox), marking twice changes nothing, and Remove
 * marking gives back subject and recipients exactly as typed.
 */
import path from 'node:path';
import { startBridge, type RunningBridge } from './support/bridge-process';
import { launchChromium, type LaunchedBrowser } from './support/chromium';
import { e2eRun } from './support/e2e-run';
import { Screenshots, Workbench } from './support/workbench-page';

describe('the mailbox route in the workbench', () => {
  let bridge: RunningBridge;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    bridge = await startBridge(path.join(e2eRun().screenshotDir, 'bridge-mailbox.log'), { INCAMAIL_ROUTE: 'mailbox' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
  });

  it('marks the draft for IncaMail, twice to no effect, and takes the marking off again', async () => {
    const shots = new Screenshots(e2eRun().screenshotDir, 'mailbox-route');
    const wb = await Workbench.open(browser.context, { baseUrl: bridge.url, shots });
    try {
      await wb.typeRecipients('to', 'max@example.org, Lea@Example.CH');
      await wb.typeSubject('Rechnung 2026-0042');
      const typed = await wb.item();
      await wb.waitForFunctionFile(['sendRegistered', 'removeMarking']);

      expect((await wb.runRibbonCommand('Registered')).status).toBe('completed');
      const marked = await wb.item();
      expect(marked.subject).toBe('<r>Rechnung 2026-0042');
      expect(marked.to.map((r) => r.emailAddress)).toEqual([
        'max@example.org.incamail.ch',
        'Lea@Example.CH.incamail.ch',
      ]);
      expect(marked.lifecycle).not.toBe('discarded');
      await wb
        .notificationBar()
        .getByText(/Will go as registered mail through IncaMail when you click Send/)
        .waitFor();
      await wb.screenshot('marked');

      expect((await wb.runRibbonCommand('Registered')).status).toBe('completed');
      expect([(await wb.item()).subject, (await wb.item()).to]).toEqual([marked.subject, marked.to]);

      expect((await wb.runRibbonCommand('Remove marking')).status).toBe('completed');
      const restored = await wb.item();
      expect([restored.subject, restored.to, restored.cc, restored.bcc]).toEqual([
        typed.subject,
        typed.to,
        typed.cc,
        typed.bcc,
      ]);
      await wb.screenshot('unmarked');

      const sandbox = await wb.sandboxMessages();
      expect(sandbox.status === 'available' ? sandbox.messages : []).toEqual([]);
    } finally {
      await wb.page.close();
    }
  });
});
