/**
 * The reminder run on the embedded defaults: the pane's Reminders view, three level-3 reminders selected,
 * sent as a batch → the IncaMail sandbox holds exactly one registered message per selected reminder, each
 * with that reminder's PDF.
 */
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
    await wb.screenshot('selected');
    // Every level-3 customer of the demo ledger has an address: three selected, three messages.
    await pane.getByRole('button', { name: 'Send 3 messages' }).click();

    const run = pane.getByRole('region', { name: 'Reminder run' });
    await run.getByText('3 of 3 settled').waitFor({ timeout: 45_000 });
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
});
