/** @jest-environment ./test/support/dom-environment.js */
import { screen, within } from '@testing-library/react';
import { eventually } from '../support/eventually';
import { paneTestServer, renderPane } from '../support/render-pane';
import { ATTACHED_DOCUMENTS_KEY, parseAttachedDocuments } from '../../src/contract/item-state';
import { createComposeItem } from '../../src/services/compose-item';
import { AppError } from '../../src/contract/errors';
import { createSimulatedOffice } from '../../src/workbench/office-sim';

/**
 * The pane against the workbench's simulated Outlook (argument parsing, limits and error codes as Outlook
 * has them) and the real bridge, reading the attachment back with getAttachmentContentAsync.
 */
const server = paneTestServer();

const favre = { emailAddress: 'compta@favre-horlogerie.ch', displayName: 'Favre' };

describe('attaching against the simulated Outlook', () => {
  it("puts the ledger PDF's exact bytes into the item's attachment", async () => {
    const { sim, item, user, bridge } = await renderPane(server, { language: 'fr', compose: { to: [favre] } });
    const composeItem = createComposeItem(item);
    const section = screen.getByRole('region', { name: 'Pour ce message' });
    await user.click(await within(section).findByRole('button', { name: 'Joindre la facture 2026-0045' }));
    expect(await within(section).findByText('Joint sous Facture-2026-0045.pdf.')).toBeInTheDocument();

    const pdf = await bridge.pdfOf('inv-45');
    const [attachment] = await composeItem.getAttachments();
    expect(attachment).toMatchObject({ name: 'Facture-2026-0045.pdf', size: pdf.length, isInline: false });
    const content = await composeItem.getAttachmentContent(attachment!.id);
    expect(content.format).toBe('base64');
    const bytes = Buffer.from(content.content, 'base64');
    expect(bytes.length).toBe(pdf.length);
    expect(bytes.equals(pdf)).toBe(true);

    const recorded = parseAttachedDocuments(sim.state.get().customProperties[ATTACHED_DOCUMENTS_KEY]);
    expect(recorded).toEqual([
      {
        documentId: 'inv-45',
        attachmentId: attachment!.id,
        fileName: 'Facture-2026-0045.pdf',
        kind: 'invoice',
        number: '2026-0045',
      },
    ]);
  });

  it("shows Outlook's refusal with its error, and lets the user try again", async () => {
    const { sim, user } = await renderPane(server, { language: 'fr', compose: { to: [favre] } });
    sim.host.failNext('addFileAttachmentFromBase64Async', 'AttachmentUploadGeneralFailure');
    const section = screen.getByRole('region', { name: 'Pour ce message' });
    const button = await within(section).findByRole('button', { name: 'Joindre la facture 2026-0045' });
    await user.click(button);
    expect(await within(section).findByText(/^Outlook a refusé la modification/)).toBeInTheDocument();
    expect(sim.state.get().attachments).toHaveLength(0);
    await user.click(button);
    expect(await within(section).findByText('Joint sous Facture-2026-0045.pdf.')).toBeInTheDocument();
    expect(sim.state.get().attachments).toHaveLength(1);
  });
});

describe('Office.js wrappers against the simulated Outlook', () => {
  function simulatedItem() {
    const sim = createSimulatedOffice({ compose: { to: [{ emailAddress: 'a@example.ch', displayName: 'A' }] } });
    (globalThis as { Office?: unknown }).Office = sim.office;
    return { sim, item: createComposeItem(sim.office.context.mailbox.item as unknown as Office.MessageCompose) };
  }

  it('follows RecipientsChanged until the handler is removed', async () => {
    const { sim, item } = simulatedItem();
    let calls = 0;
    const remove = await item.onRecipientsChanged(() => calls++);
    expect(remove).not.toBeNull();
    sim.host.editRecipients('cc', [{ emailAddress: 'b@example.ch', displayName: 'B' }]);
    await eventually(() => expect(calls).toBe(1));
    expect((await item.getRecipients()).cc).toEqual([{ emailAddress: 'b@example.ch', displayName: 'B' }]);
    await remove!();
    expect(sim.host.recipientsChangedHandlerCount()).toBe(0);
  });

  it('round-trips the attached documents through the custom properties', async () => {
    const { item } = simulatedItem();
    expect(await item.loadAttachedDocuments()).toEqual([]);
    const entry = { documentId: 'd', attachmentId: 'a', fileName: 'f.pdf', kind: 'reminder' as const, number: 'M-1' };
    await item.saveAttachedDocuments([entry]);
    expect(await item.loadAttachedDocuments()).toEqual([entry]);
  });

  it("rejects with Office's error code", async () => {
    const { sim, item } = simulatedItem();
    sim.host.failNext('subject.getAsync', 'NetworkError');
    const error = await item.getSubject().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'office_error', officeCode: 9041 });
  });
});
