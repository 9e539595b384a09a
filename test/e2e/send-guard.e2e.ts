/**
 * Outlook's Send with LedgerMail's send guard, in the workbench on both routes, as a user meets it: the Send
 * button raises OnMessageSend in the function file, Outlook's Smart Alert shows the reason in the user's
 * language with the choices SoftBlock leaves, and what is sent leaves through the simulated mailbox, whose
 * IncaMail domain connection hands marked messages to the sandbox.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HostSettings } from '../../src/workbench/office-sim';
import { startBridge, type RunningBridge } from './support/bridge-process';
import { launchChromium, type LaunchedBrowser } from './support/chromium';
import { e2eRun } from './support/e2e-run';
import { Screenshots, Workbench } from './support/workbench-page';

const files = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-e2e-guard-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));
function fileOf(name: string, content: Buffer): string {
  const file = path.join(files, name);
  writeFileSync(file, content);
  return file;
}

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the send guard on the mailbox route', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge(path.join(e2eRun().screenshotDir, 'bridge-guard-mailbox.log'), {
      INCAMAIL_ROUTE: 'mailbox',
    });
  });
  afterAll(async () => {
    await bridge?.stop();
  });

  async function markedDraft(name: string, host: Partial<HostSettings> = {}) {
    const shots = new Screenshots(e2eRun().screenshotDir, `send-guard-${name}`);
    const wb = await Workbench.open(browser.context, { baseUrl: bridge.url, shots, host });
    await wb.typeRecipients('to', 'max@example.org, lea@example.ch');
    await wb.typeSubject('Rechnung 2026-0042');
    await wb.waitForFunctionFile(['sendRegistered', 'onMessageSendHandler']);
    expect((await wb.runRibbonCommand(/^(Registered|Eingeschrieben|Recommandé|Raccomandata)$/)).status).toBe(
      'completed',
    );
    return wb;
  }

  it('sends a message LedgerMail marked: <r> and every recipient suffixed reach IncaMail', async () => {
    const wb = await markedDraft('sent');
    try {
      expect(await wb.clickSend()).toBe('sent');
      const [sent] = await wb.mailboxMessages();
      expect(sent).toMatchObject({
        subject: '<r>Rechnung 2026-0042',
        to: ['max@example.org.incamail.ch', 'lea@example.ch.incamail.ch'],
        incamail: { status: 'accepted' },
        ordinaryRecipients: [],
      });
      const sandbox = await wb.sandboxMessages();
      expect(sandbox.status === 'available' ? sandbox.messages.map((m) => [m.subject, m.mode]) : []).toEqual([
        ['<r>Rechnung 2026-0042', 'registered'],
      ]);
      expect(await wb.lifecycle()).toBe('sent');
      await wb.sandboxPanel().getByText('IncaMail accepted it').waitFor();
      await wb.screenshot('sent');
    } finally {
      await wb.page.close();
    }
  });

  it('holds a prefix removed by hand and a recipient added unsuffixed, in German, and Don’t Send keeps it', async () => {
    const wb = await markedDraft('held-de', { displayLanguage: 'de-CH' });
    try {
      const before = (await wb.mailboxMessages()).length;
      await wb.typeSubject('Rechnung 2026-0042');
      await wb.typeRecipients('cc', 'neu@example.org');
      expect(await wb.clickSend()).toBe('alert');
      const alert = await wb.smartAlertContent();
      expect(alert.message).toMatch(/Präfix <r> verloren: IncaMail würde vertraulich statt eingeschrieben senden/);
      expect(alert.message).toContain('neu@example.org');
      // Mailbox 1.15: the reasons as a list, each whole.
      expect(await wb.smartAlert().getByRole('listitem').count()).toBe(2);
      expect(alert.choices).toEqual(["Don't Send"]);
      await wb.screenshot('alert');
      await wb.smartAlert().getByRole('button', { name: "Don't Send" }).click();
      await wb.smartAlert().waitFor({ state: 'detached' });
      expect((await wb.item()).lifecycle).toBe('open');
      expect(await wb.mailboxMessages()).toHaveLength(before);
    } finally {
      await wb.page.close();
    }
  });

  it.each([
    ['fr-CH', 'Rechnung.pdf.exe', /IncaMail refuse Rechnung\.pdf\.exe/],
    ['it-CH', 'Rechnung.exe.', /IncaMail rifiuta/],
    ['en-US', 'Rechnung\u202efdp.exe', /IncaMail refuses/],
  ])('holds an executable in %s, also disguised as %j', async (displayLanguage, name, reason) => {
    const wb = await markedDraft(`exe-${displayLanguage}`, { displayLanguage });
    try {
      await wb.attachFile(fileOf(name, Buffer.from('MZ\x90\x00 a program')));
      expect(await wb.clickSend()).toBe('alert');
      expect((await wb.smartAlertContent()).message).toMatch(reason);
      await wb.screenshot('alert');
    } finally {
      await wb.page.close();
    }
  });

  it('warns of 12 MB registered with Send Anyway, and sends when the person chooses it', async () => {
    const wb = await markedDraft('large');
    try {
      await wb.attachFile(fileOf('Scan.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(9_000_000)])));
      expect(await wb.clickSend()).toBe('alert');
      const alert = await wb.smartAlertContent();
      expect(alert.message).toMatch(/advises against registered mail over 10 MB.*You can send it anyway\./);
      expect(alert.choices).toEqual(['Send Anyway', "Don't Send"]);
      await wb.screenshot('warning');
      await wb.smartAlert().getByRole('button', { name: 'Send Anyway' }).click();
      await wb.page.waitForFunction(() => document.querySelector('[data-send-step="sent"]'));
      expect((await wb.mailboxMessages())[0]).toMatchObject({ incamail: { status: 'accepted' } });
    } finally {
      await wb.page.close();
    }
  });

  it('with the bridge out of reach, lets a consistent marked message go and still holds a broken one', async () => {
    const wb = await markedDraft('bridge-down');
    try {
      // The guard's questions fail; the workbench's own mailbox stays reachable.
      await wb.page.route(/\/api\/(policy|documents|auth|dev\/token)/, (route) => route.abort('connectionrefused'));
      await wb.typeSubject('Rechnung 2026-0042');
      expect(await wb.clickSend()).toBe('alert');
      expect((await wb.smartAlertContent()).message).toMatch(/lost its <r> prefix/);
      await wb.smartAlert().getByRole('button', { name: "Don't Send" }).click();
      await wb.typeSubject('<r>Rechnung 2026-0042');
      await wb.page.unroute(/\/api\/(policy|documents|auth|dev\/token)/);
      await wb.page.route(/\/api\/(policy|documents)/, (route) => route.abort('connectionrefused'));
      expect(await wb.clickSend()).toBe('sent');
    } finally {
      await wb.page.close();
    }
  });

  it('lets ordinary mail go at once, to nobody at IncaMail', async () => {
    const shots = new Screenshots(e2eRun().screenshotDir, 'send-guard-ordinary');
    const wb = await Workbench.open(browser.context, { baseUrl: bridge.url, shots });
    try {
      await wb.typeRecipients('to', 'max@example.org');
      await wb.typeSubject('Mittagessen');
      await wb.waitForFunctionFile(['onMessageSendHandler']);
      expect(await wb.clickSend()).toBe('sent');
      expect((await wb.mailboxMessages())[0]).toMatchObject({
        subject: 'Mittagessen',
        incamail: { status: 'not-addressed' },
        ordinaryRecipients: ['max@example.org'],
      });
    } finally {
      await wb.page.close();
    }
  });
});

describe('the send guard on the relay route', () => {
  let bridge: RunningBridge;
  beforeAll(async () => {
    bridge = await startBridge(path.join(e2eRun().screenshotDir, 'bridge-guard-relay.log'));
  });
  afterAll(async () => {
    await bridge?.stop();
  });

  it('sends a message marked by hand through the buttons, not past them, and lets a clean one go', async () => {
    const shots = new Screenshots(e2eRun().screenshotDir, 'send-guard-relay');
    const wb = await Workbench.open(browser.context, { baseUrl: bridge.url, shots });
    try {
      await wb.typeRecipients('to', 'max@example.org.incamail.ch');
      await wb.typeSubject('<r>Rechnung 2026-0042');
      await wb.waitForFunctionFile(['onMessageSendHandler']);
      expect(await wb.clickSend()).toBe('alert');
      expect((await wb.smartAlertContent()).message).toMatch(/Marked for IncaMail by hand \(<r>\).*ribbon buttons/);
      await wb.screenshot('hand-marked');
      await wb.smartAlert().getByRole('button', { name: "Don't Send" }).click();
      expect(await wb.mailboxMessages()).toEqual([]);

      await wb.typeRecipients('to', 'max@example.org');
      await wb.typeSubject('Rechnung 2026-0042');
      expect(await wb.clickSend()).toBe('sent');
      expect((await wb.mailboxMessages())[0]).toMatchObject({ incamail: { status: 'not-addressed' } });
    } finally {
      await wb.page.close();
    }
  });
});
