/**
 * The reminder run on the embedded defaults: the pane's Reminders view, three level-3 reminders selected,
 * sent as a batch → the IncaMail sandbox holds exactly one registered message per selected reminder, each
 * with that reminder's PDF.
 */
import type { Language } from '../../src/contract/locale';
import { bulkStrings } from '../../src/taskpane/bulk/bulk-strings';
import { runStrings } from '../../src/taskpane/bulk/run-strings';
import { paneStrings } from '../../src/taskpane/strings';
import { workbenchSession } from './support/e2e-session';

const openWorkbench = workbenchSession('bulk-reminders');

describe('reminder run through the workbench', () => {
  it('sends one registered message per selected reminder', async () => {
    const wb = await openWorkbench('level-3-run');
    const pane = wb.pane();
    await pane.getByRole('tab', { name: 'Reminders' }).click();
    await pane.getByRole('button', { name: 'Send in bulk' }).click();
    const list = pane.getByRole('list', { name: 'Select reminders' });
    await list.waitFor({ timeout: 20_000 });
    await pane.getByRole('checkbox', { name: 'Level 1' }).click();
    await pane.getByRole('checkbox', { name: 'Level 2' }).click();
    await wb.screenshot('level-3-reminders');

    // Three reminders; each checkbox's label starts with the reminder number.
    const labels = list.locator('label');
    await labels.first().waitFor({ timeout: 20_000 });
    const numbers = (await labels.allTextContents()).slice(0, 3).map((text) => text.split(',')[0]!.trim());
    expect(numbers).toHaveLength(3);
    for (const number of numbers) await list.getByRole('checkbox', { name: new RegExp(`^${number},`) }).click();
    const summary = pane.getByRole('region', { name: 'Summary' });
    await summary.getByText('3 selected').waitFor();
    // One registered letter per reminder, even where two of them are one customer's.
    await pane.getByRole('radio', { name: 'One message per reminder' }).click();
    await wb.screenshot('selected');
    // Every level-3 customer of the demo ledger has an address: three selected, three messages.
    await pane.getByRole('button', { name: 'Send 3 messages' }).click();

    const run = pane.getByRole('region', { name: 'Reminder run' });
    await run.getByText('3 of 3 processed').waitFor({ timeout: 45_000 });
    await wb.screenshot('run-done');
    expect(await run.getByRole('listitem').count()).toBe(3);
    expect(await run.getByRole('listitem', { name: /Accepted$/ }).count()).toBe(3);

    const sandbox = await wb.sandboxMessages();
    if (sandbox.status !== 'available') throw new Error(`sandbox not available (HTTP ${sandbox.httpStatus})`);
    const items = await run
      .getByRole('listitem')
      .evaluateAll((nodes) => nodes.map((n) => (n.getAttribute('aria-label') ?? '').split(',')[0]!.trim()));
    expect(items.sort()).toEqual([...numbers].sort());
    for (const number of items) {
      const received = sandbox.messages.filter((m) => m.subject.endsWith(` ${number}`));
      expect(received, number).toHaveLength(1);
      expect(received[0]!.subject.startsWith('<r>')).toBe(true);
      expect(received[0]!.attachments.map((a) => a.name)).toEqual([expect.stringContaining(number)]);
    }
  });

  it.each(['de-CH', 'fr-CH'])(
    'runs the reminders in %s: selection, preview, progress and results, each on a screenshot',
    async (tag) => {
      const language = tag.slice(0, 2) as Language;
      const [pane$, bulk, run$] = [paneStrings[language], bulkStrings[language], runStrings[language]];
      const wb = await openWorkbench(`run-${tag}`, { displayLanguage: tag });
      const pane = wb.pane();
      await pane.getByRole('tab', { name: pane$.tabs.reminder }).click();
      await pane.getByRole('button', { name: pane$.bulk.open }).click();
      const list = pane.getByRole('list', { name: bulk.selection.heading });
      await list.getByRole('checkbox').first().waitFor({ timeout: 20_000 });
      for (let i = 0; i < 4; i++) await list.getByRole('checkbox').nth(i).click();
      await pane.getByRole('radio', { name: run$.grouping.perCustomer }).click();
      await wb.screenshot('selection');
      await pane.getByRole('region', { name: bulk.template.heading }).scrollIntoViewIfNeeded();
      await wb.screenshot('message');

      await pane.getByRole('button', { name: bulk.preview.action, exact: true }).click();
      const preview = pane.getByRole('region', { name: bulk.preview.action });
      await preview.getByTitle(bulk.preview.frameTitle).waitFor({ timeout: 30_000 });
      await preview.scrollIntoViewIfNeeded();
      await wb.screenshot('preview');

      await pane.getByRole('button', { name: new RegExp(bulk.send.action(0).replace('0', '\\d+')) }).click();
      const progress = pane.getByRole('region', { name: bulk.progress.heading });
      await progress.waitFor({ timeout: 20_000 });
      await wb.screenshot('progress');
      await progress.getByRole('button', { name: bulk.progress.newRun }).waitFor({ timeout: 45_000 });
      await wb.screenshot('results');
      const items = progress.getByRole('listitem');
      const accepted = progress.getByRole('listitem', { name: new RegExp(`${bulk.progress.status.accepted}$`) });
      expect(await accepted.count()).toBe(await items.count());
      expect(await items.count()).toBeGreaterThan(0);
    },
    120_000,
  );
});
