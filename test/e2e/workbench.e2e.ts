import { workbenchSession } from './support/e2e-session';
import { eventually } from '../support/eventually';

const openWorkbench = workbenchSession('workbench');

describe('workbench', () => {
  it('shows the ribbon read from manifest.xml: three buttons, their icons and functions', async () => {
    const wb = await openWorkbench('ribbon');
    await wb.page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.ribbon img')).every((img) => (img as HTMLImageElement).complete),
    );
    expect(await wb.ribbonButtons()).toEqual([
      { label: 'Invoices', controlId: 'LedgerMail.Invoices', functionName: null, iconLoaded: true },
      { label: 'Registered', controlId: 'LedgerMail.Registered', functionName: 'sendRegistered', iconLoaded: true },
      {
        label: 'Confidential',
        controlId: 'LedgerMail.Confidential',
        functionName: 'sendConfidential',
        iconLoaded: true,
      },
      { label: 'Personal', controlId: 'LedgerMail.Personal', functionName: 'sendPersonal', iconLoaded: true },
      {
        label: 'Remove marking',
        controlId: 'LedgerMail.RemoveMarking',
        functionName: 'removeMarking',
        iconLoaded: true,
      },
    ]);
    await wb.screenshot('ribbon');
  });

  it('hosts the real task pane, which reaches the bridge', async () => {
    const wb = await openWorkbench('pane-connected');
    const bridgeAnswers: number[] = [];
    wb.page.on('response', (response) => {
      if (
        response.frame().url().includes('/workbench/taskpane.html') &&
        new URL(response.url()).pathname.startsWith('/api/')
      ) {
        bridgeAnswers.push(response.status());
      }
    });
    await wb.page.reload();
    await eventually(async () => expect(bridgeAnswers.length).toBeGreaterThan(0), { timeoutMs: 15_000 });
    await wb.pane().getByRole('heading', { name: 'LedgerMail', level: 1 }).waitFor();
    expect(bridgeAnswers.every((status) => status >= 200 && status < 300)).toBe(true);
    expect(await wb.pane().getByRole('alert').count()).toBe(0);
    // The bundled pane must read the bridge's answers, not only receive them: documents are listed.
    await wb
      .pane()
      .getByRole('button', { name: /^Attach invoice / })
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await wb.pane().getByText('cannot read').count()).toBe(0);
    await wb.screenshot('pane');
  });

  it('moves the pinned pane to a new draft: the last message’s attachment is no longer shown as attached', async () => {
    const wb = await openWorkbench('new-draft');
    const attach = wb
      .pane()
      .getByRole('button', { name: /^Attach invoice / })
      .first();
    await attach.waitFor({ timeout: 20_000 });
    const name = await attach.getAttribute('aria-label');
    await attach.click();
    const attachedAs = wb.pane().getByText(/^Attached as /);
    await attachedAs.waitFor({ timeout: 20_000 });

    await wb.page.getByRole('button', { name: 'New draft' }).click();
    const again = wb.pane().getByRole('button', { name: name! }).first();
    await again.waitFor({ timeout: 20_000 });
    expect(await attachedAs.count()).toBe(0);
    expect(await again.getAttribute('aria-disabled')).not.toBe('true');
    await wb.screenshot('new-draft');
  });

  it('runs the real Registered command: a notification appears and completed() is called', async () => {
    const wb = await openWorkbench('registered');
    await wb.waitForFunctionFile(['sendRegistered', 'sendConfidential']);
    await wb.typeRecipients('to', 'Max Muster <max@example.org>');
    await wb.typeSubject('Rechnung R-2024-001');
    const run = await wb.runRibbonCommand('Registered');
    expect(run).toMatchObject({
      functionName: 'sendRegistered',
      controlId: 'LedgerMail.Registered',
      status: 'completed',
    });
    expect(run.completedCalls).toBe(1);
    const notifications = await wb.notifications();
    expect(notifications.length).toBeGreaterThan(0);
    await eventually(async () =>
      expect(await wb.notificationBar().getByRole('listitem').count()).toBe(notifications.length),
    );
    await eventually(async () =>
      expect(await wb.page.getByRole('list', { name: 'Command runs' }).textContent()).toMatch(
        /sendRegistered: completed\(\) called after \d+ ms/,
      ),
    );
    await wb.screenshot('after-registered');
  });

  it('switches the simulated host: on Mailbox 1.13 the item has no closeAsync', async () => {
    const wb = await openWorkbench('host-switch', { version: '1.13' });
    const hasClose = () =>
      wb.page.evaluate(() => typeof window.ledgerMailWorkbench.office.context.mailbox.item.closeAsync === 'function');
    expect(await hasClose()).toBe(false);
    await wb.page.getByRole('combobox', { name: 'Host' }).selectOption('1.15');
    expect(await hasClose()).toBe(true);
  });

  for (const [tag, language, registered] of [
    ['fr-CH', 'fr', 'Recommandé'],
    ['de-CH', 'de', 'Eingeschrieben'],
  ] as const) {
    it(`shows the pane and the ribbon in ${tag}`, async () => {
      const english = await openWorkbench(`lang-en`);
      const englishText = await english.pane().locator('main').innerText();
      const wb = await openWorkbench(`lang-${language}`, { displayLanguage: tag });
      await eventually(async () => expect(await wb.ribbonButton(registered).count()).toBe(1));
      const frame = await wb.paneFrame();
      await eventually(async () => expect(await frame.evaluate(() => document.documentElement.lang)).toBe(language));
      await wb.pane().getByRole('heading', { level: 1 }).waitFor();
      await eventually(async () => expect(await wb.pane().locator('main').innerText()).not.toBe(englishText));
      await wb.screenshot(`pane-${language}`);
    });
  }
});
