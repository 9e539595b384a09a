/**
 * A send interrupted by a reload of the page (Outlook on the web reloaded, the window closed): once the user
 * opens the draft again, the pane says what became of it, and Registered sends nothing twice. The sandbox
 * (IncaMail) is the judge of what was sent.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TokenSchema } from '../../src/contract/auth.schemas';
import { parseSendState } from '../../src/contract/item-state';
import { eventually } from '../support/eventually';
import { workbenchSession } from './support/e2e-session';
import type { Workbench } from './support/workbench-page';

const openWorkbench = workbenchSession('interrupted-send');

/** The workbench's Outlook user, as whom the pane and the commands sign in. */
const USER = 'anna.muster@example.ch';

/** A scanned PDF of about 6 MB: with its encoding the message is about 8 MB, under the registered advice. */
function scanOfSixMegabytes(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ledgermail-e2e-')), 'Scan-Vertrag.pdf');
  const content = Buffer.alloc(6 * 1024 * 1024, 0x20);
  content.write('%PDF-1.7\n', 0, 'latin1');
  content.write('\n%%EOF\n', content.length - 7, 'latin1');
  writeFileSync(file, content);
  return file;
}

async function composeRegisteredLetter(wb: Workbench, subject: string): Promise<void> {
  await wb.typeRecipients('to', 'max.muster@example.org');
  await wb.typeSubject(subject);
  await wb.typeBody('Guten Tag, anbei der unterzeichnete Vertrag.');
  await wb.attachFile(scanOfSixMegabytes());
  await eventually(async () => expect((await wb.attachments()).length).toBe(1), { timeoutMs: 20_000 });
  await wb.waitForFunctionFile(['sendRegistered']);
}

/** The key the Registered command recorded on the draft before the message left for the bridge. */
async function recordedKey(wb: Workbench): Promise<string> {
  const handle = await wb.page.waitForFunction(
    () => window.ledgerMailWorkbench.state.get().customProperties['ledgermail.send'] ?? false,
    undefined,
    { timeout: 20_000 },
  );
  const key = parseSendState(await handle.jsonValue()).attempt?.key;
  if (!key) throw new Error('no send recorded on the draft');
  return key;
}

async function bridgeHasSend(wb: Workbench, key: string): Promise<boolean> {
  const token = await wb.page.request.get(`${wb.baseUrl}/api/dev/token?email=${encodeURIComponent(USER)}`);
  const { token: bearer } = TokenSchema.parse(await token.json());
  const response = await wb.page.request.get(`${wb.baseUrl}/api/sends/by-key?key=${encodeURIComponent(key)}`, {
    headers: { authorization: `Bearer ${bearer}` },
  });
  return response.ok();
}

async function sandboxCount(wb: Workbench, subject: string): Promise<number> {
  const result = await wb.sandboxMessages();
  if (result.status !== 'available') throw new Error(`sandbox not available (HTTP ${result.httpStatus})`);
  return result.messages.filter((m) => m.subject === `<r>${subject}`).length;
}

describe('a send interrupted by a reload', () => {
  it('reloaded once the bridge had the message: the pane says it was sent, and Registered sends nothing again', async () => {
    const wb = await openWorkbench('after-hand-over');
    const subject = `Vertrag unterzeichnet (e2e reload ${Date.now()})`;
    await composeRegisteredLetter(wb, subject);

    await wb.ribbonButton('Registered').click();
    const key = await recordedKey(wb);
    await eventually(async () => expect(await bridgeHasSend(wb, key)).toBe(true), { timeoutMs: 20_000 });
    await wb.reload();
    expect((await wb.item()).subject).toBe('');
    await wb.screenshot('reloaded');

    await wb.openSavedDraft(subject);
    const sent = wb.pane().getByText(/^This message was sent as registered e-mail through IncaMail on /);
    await sent.waitFor({ timeout: 30_000 });
    expect(await sent.textContent()).toMatch(/at \d{2}:\d{2} \(reference [0-9a-f]{8}\)\. You can delete this draft\.$/);
    await wb.screenshot('pane-says-sent');
    expect(await sandboxCount(wb, subject)).toBe(1);

    // The user, unsure, clicks Registered again: told when it went, nothing goes twice, the draft stays.
    await wb.waitForFunctionFile(['sendRegistered']);
    const run = await wb.runRibbonCommand('Registered', 60_000);
    expect(run.status).toBe('completed');
    const notifications = (await wb.notifications()).map((n) => n.message);
    expect(notifications.join('\n')).toMatch(/^Already sent as registered via IncaMail on .*nothing was sent again\./m);
    expect(await wb.lifecycle()).not.toBe('discarded');
    expect(await sandboxCount(wb, subject)).toBe(1);
    await wb.screenshot('command-says-sent');
  });

  it('reloaded before the message reached the bridge: the pane says so, and Registered sends it once', async () => {
    const wb = await openWorkbench('before-hand-over');
    const subject = `Vertrag unterzeichnet (e2e early reload ${Date.now()})`;
    await composeRegisteredLetter(wb, subject);
    // The hand-over never gets through before the page goes: the request is held until the reload drops it.
    let handedOver = () => {};
    const onTheLine = new Promise<void>((resolve) => (handedOver = resolve));
    await wb.page.route('**/api/sends', () => handedOver());

    await wb.ribbonButton('Registered').click();
    await onTheLine;
    await wb.page.waitForTimeout(400);
    await wb.reload();
    await wb.page.unroute('**/api/sends');

    await wb.openSavedDraft(subject);
    await wb
      .pane()
      .getByText(
        /^LedgerMail has not received this message yet \(sending began at \d{2}:\d{2}\)\. If sending was interrupted, click Registered again/,
      )
      .waitFor({ timeout: 30_000 });
    await wb.screenshot('pane-says-not-received');
    expect(await sandboxCount(wb, subject)).toBe(0);

    await wb.waitForFunctionFile(['sendRegistered']);
    const run = await wb.runRibbonCommand('Registered', 60_000);
    expect(run.status).toBe('completed');
    expect(await wb.lifecycle()).toBe('discarded');
    expect(await sandboxCount(wb, subject)).toBe(1);
  });
});
