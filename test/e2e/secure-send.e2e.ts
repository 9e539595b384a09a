/**
 * The whole path on the embedded defaults: a seeded customer's address → the pane shows their documents
 * first → attach → Registered or Confidential → the IncaMail sandbox holds one marked message with the
 * byte-identical PDF → the draft is discarded. Outcomes are asserted in the sandbox and the item.
 */
import { createHash } from 'node:crypto';
import { TokenSchema } from '../../src/contract/auth.schemas';
import type { DocumentPage } from '../../src/contract/documents.schemas';
import { workbenchSession } from './support/e2e-session';
import type { ComposeSnapshot } from '../../src/workbench/office-sim';
import type { Workbench } from './support/workbench-page';
import { eventually } from '../support/eventually';

const openWorkbench = workbenchSession('secure-send');

const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A seeded open document whose customer has an e-mail address, with a subject unique to this test. */
async function pickDocument(wb: Workbench, query: string, skip = 0) {
  const signIn = await wb.page.request.get(`${wb.baseUrl}/api/dev/token?email=e2e%40ledgermail.invalid`);
  const headers = { authorization: `Bearer ${TokenSchema.parse(await signIn.json()).token}` };
  const page = (await (
    await wb.page.request.get(`${wb.baseUrl}/api/documents?${query}&limit=50`, { headers })
  ).json()) as DocumentPage;
  const document = page.items.filter((d) => d.customer.email)[skip];
  if (!document) throw new Error(`no seeded document for ${query}`);
  const pdf = await (await wb.page.request.get(`${wb.baseUrl}/api/documents/${document.id}/pdf`, { headers })).body();
  return { document, email: document.customer.email!, pdf };
}

/** Subject, body, recipients and attachments as they were, and the draft still open. */
function expectDraftUnchanged(before: ComposeSnapshot, after: ComposeSnapshot): void {
  expect(after.lifecycle).not.toBe('discarded');
  expect([after.subject, after.body, after.to, after.cc, after.attachments]).toEqual([
    before.subject,
    before.body,
    before.to,
    before.cc,
    before.attachments,
  ]);
}

async function sandboxMessagesWithSubject(wb: Workbench, subject: string) {
  const result = await wb.sandboxMessages();
  if (result.status !== 'available') throw new Error(`sandbox not available (HTTP ${result.httpStatus})`);
  return result.messages.filter((m) => m.subject.endsWith(subject));
}

describe('secure send through the workbench', () => {
  it('attaches a recipient’s invoice from the pane and sends it registered, exactly once', async () => {
    const wb = await openWorkbench('registered-invoice');
    const { document, email, pdf } = await pickDocument(wb, 'kind=invoice&status=overdue');
    const subject = `Invoice ${document.number} (e2e registered)`;

    await wb.typeRecipients('to', email);
    await wb.typeSubject(subject);
    const attach = wb
      .pane()
      .getByRole('button', { name: `Attach invoice ${document.number}` })
      .first();
    await attach.waitFor({ timeout: 20_000 });
    await wb.screenshot('recipient-documents-first');
    await attach.click();
    await eventually(async () => expect((await wb.attachments()).length).toBe(1), { timeoutMs: 20_000 });
    const [attachment] = await wb.attachments();
    expect(attachment!.size).toBe(pdf.length);
    expect(sha256(Buffer.from(attachment!.base64, 'base64'))).toBe(sha256(pdf));
    expect((await wb.attachmentRows())[0]!.size).toBe(pdf.length);
    await wb.screenshot('attached');

    await wb.waitForFunctionFile(['sendRegistered']);
    const run = await wb.runRibbonCommand('Registered', 60_000);
    expect(run.status).toBe('completed');
    expect(run.completedCalls).toBe(1);
    await wb.screenshot('sent');

    const messages = await sandboxMessagesWithSubject(wb, subject);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe(`<r>${subject}`);
    expect(messages[0]!.to).toEqual([`${email}.incamail.ch`]);
    expect(messages[0]!.attachments.map((a) => a.sha256)).toEqual([sha256(pdf)]);
    expect(await wb.lifecycle()).toBe('discarded');
  });

  it('sends a reminder confidential, and a second click during the send does not send twice', async () => {
    const wb = await openWorkbench('confidential-reminder');
    const { document, email, pdf } = await pickDocument(wb, 'kind=reminder&status=open', 1);
    const subject = `Reminder ${document.number} (e2e confidential)`;

    await wb.typeRecipients('to', email);
    await wb.typeSubject(subject);
    await wb.pane().getByRole('tab', { name: 'Reminders' }).click();
    const attach = wb
      .pane()
      .getByRole('button', { name: `Attach reminder ${document.number}` })
      .first();
    await attach.waitFor({ timeout: 20_000 });
    await attach.click();
    await eventually(async () => expect((await wb.attachments()).length).toBe(1), { timeoutMs: 20_000 });

    await wb.waitForFunctionFile(['sendConfidential']);
    // Two clicks in a row, as an impatient person would.
    await wb.ribbonButton('Confidential').click();
    await wb.ribbonButton('Confidential').click();
    await wb.page.waitForFunction(
      () => {
        const runs = window.ledgerMailWorkbench.host.commands.getRuns();
        return runs.length >= 2 && runs.every((r) => r.status !== 'running');
      },
      undefined,
      { timeout: 60_000 },
    );
    await wb.screenshot('sent');
    const messages = await sandboxMessagesWithSubject(wb, subject);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe(`<c>${subject}`);
    expect(messages[0]!.attachments.map((a) => a.sha256)).toEqual([sha256(pdf)]);
    expect(await wb.lifecycle()).toBe('discarded');
  });

  it('tells the user and keeps the draft intact when the bridge cannot be reached', async () => {
    const wb = await openWorkbench('bridge-down');
    const { document, email } = await pickDocument(wb, 'kind=invoice&status=overdue', 3);
    const subject = `Invoice ${document.number} (e2e bridge down)`;
    await wb.typeRecipients('to', email);
    await wb.typeSubject(subject);
    await wb.typeBody('Please find the invoice attached.');
    await wb.waitForFunctionFile(['sendRegistered']);
    // The line to the bridge is cut for the send itself, after sign-in and the policy check answered.
    await wb.page.route('**/api/sends**', (route) => route.abort('connectionrefused'));
    const before = await wb.item();
    const run = await wb.runRibbonCommand('Registered', 60_000);
    expect(run.status).toBe('completed');
    const after = await wb.item();
    expectDraftUnchanged(before, after);
    // The line broke while the request was under way: the outcome is unknown, and clicking again is safe.
    expect(after.notifications.map((n) => n.message).join('\n')).toMatch(
      /^Send not confirmed: The LedgerMail bridge cannot be reached\. Draft unchanged\./m,
    );
    expect(await sandboxMessagesWithSubject(wb, subject)).toEqual([]);
    await wb.screenshot('bridge-down');
    await wb.page.unroute('**/api/sends**');
  });

  it('refuses to send without recipients and leaves the draft as it was', async () => {
    const wb = await openWorkbench('no-recipients');
    await wb.typeSubject('No recipients (e2e)');
    await wb.typeBody('Draft text that must survive.');
    await wb.waitForFunctionFile(['sendRegistered']);
    const before = await wb.item();
    const run = await wb.runRibbonCommand('Registered');
    expect(run.status).toBe('completed');
    const after = await wb.item();
    expectDraftUnchanged(before, after);
    expect(after.notifications.map((n) => n.message)).toContain('Not sent: add at least one recipient.');
    await wb.screenshot('refused');
  });

  it('attaches with the keyboard alone (Tab and Enter)', async () => {
    const wb = await openWorkbench('keyboard-attach');
    const { document: doc, email } = await pickDocument(wb, 'kind=invoice&status=open', 2);
    await wb.typeRecipients('to', email);
    const attach = wb
      .pane()
      .getByRole('button', { name: `Attach invoice ${doc.number}` })
      .first();
    await attach.waitFor({ timeout: 20_000 });
    const frame = await wb.paneFrame();
    await frame.locator('body').focus();
    let focused = false;
    for (let i = 0; i < 40 && !focused; i++) {
      await wb.page.keyboard.press('Tab');
      focused = await frame.evaluate(
        (name) =>
          document.activeElement?.getAttribute('aria-label') === name || document.activeElement?.textContent === name,
        `Attach invoice ${doc.number}`,
      );
    }
    expect(focused).toBe(true);
    await wb.page.keyboard.press('Enter');
    await eventually(async () => expect((await wb.attachments()).length).toBe(1), { timeoutMs: 20_000 });
    await wb.screenshot('attached-by-keyboard');
  });
});
