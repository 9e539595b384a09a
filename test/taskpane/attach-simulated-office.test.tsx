/** @jest-environment ./test/support/dom-environment.js */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paneTestServer } from '../support/render-pane';
import { ATTACHED_DOCUMENTS_KEY, parseAttachedDocuments } from '../../src/contract/item-state';
import { createBridgeClient } from '../../src/services/bridge-client';
import { createComposeItem } from '../../src/services/compose-item';
import { AppError } from '../../src/contract/errors';
import { App } from '../../src/taskpane/App';
import { createSimulatedOffice } from '../../src/workbench/office-sim';
import { createBridgeFixtures } from '../msw/bridge-fixtures';
import { createBridgeHandlers, TEST_BRIDGE_ORIGIN } from '../msw/bridge-handlers';
import { renderFixturePdf } from '../msw/pdf-fixture';
import { eventually } from '../support/eventually';

/**
 * The pane against the workbench's simulated Outlook (argument parsing, limits and error codes as Outlook
 * has them), reading the attachment back with getAttachmentContentAsync.
 */
const server = paneTestServer();

function renderWithSimulatedOffice(pdfs: Map<string, Uint8Array>) {
  server.use(...createBridgeHandlers(createBridgeFixtures(), { pdfs }));
  const sim = createSimulatedOffice({
    displayLanguage: 'fr-CH',
    compose: { to: [{ emailAddress: 'compta@favre-horlogerie.ch', displayName: 'Favre' }] },
  });
  (globalThis as { Office?: unknown }).Office = sim.office;
  const item = createComposeItem(sim.office.context.mailbox.item as unknown as Office.MessageCompose);
  render(
    <App
      bridge={createBridgeClient({ baseUrl: TEST_BRIDGE_ORIGIN })}
      item={item}
      language="fr"
      officeTheme={sim.office.context.officeTheme}
    />,
  );
  return { sim, item, user: userEvent.setup() };
}

describe('attaching against the simulated Outlook', () => {
  it("puts the ledger PDF's exact bytes into the item's attachment", async () => {
    const pdf = await renderFixturePdf('Facture 2026-0045', ['Horlogerie Favre SA', 'CHF 15’600.00']);
    const { sim, item, user } = renderWithSimulatedOffice(new Map([['inv-45', pdf]]));
    const section = screen.getByRole('region', { name: 'Pour ce message' });
    await user.click(await within(section).findByRole('button', { name: 'Joindre la facture 2026-0045' }));
    expect(await within(section).findByText('Joint sous Facture 2026-0045.pdf.')).toBeInTheDocument();

    const [attachment] = await item.getAttachments();
    expect(attachment).toMatchObject({ name: 'Facture 2026-0045.pdf', size: pdf.length, isInline: false });
    const content = await item.getAttachmentContent(attachment!.id);
    expect(content.format).toBe('base64');
    const bytes = Buffer.from(content.content, 'base64');
    expect(bytes.length).toBe(pdf.length);
    expect(bytes.equals(Buffer.from(pdf))).toBe(true);

    const recorded = parseAttachedDocuments(sim.state.get().customProperties[ATTACHED_DOCUMENTS_KEY]);
    expect(recorded).toEqual([
      {
        documentId: 'inv-45',
        attachmentId: attachment!.id,
        fileName: 'Facture 2026-0045.pdf',
        kind: 'invoice',
        number: '2026-0045',
      },
    ]);
  });

  it("shows Outlook's refusal with its error, and lets the user try again", async () => {
    const { sim, user } = renderWithSimulatedOffice(new Map());
    sim.host.failNext('addFileAttachmentFromBase64Async', 'AttachmentUploadGeneralFailure');
    const section = screen.getByRole('region', { name: 'Pour ce message' });
    const button = await within(section).findByRole('button', { name: 'Joindre la facture 2026-0045' });
    await user.click(button);
    expect(await within(section).findByText(/^Outlook a refusé la modification/)).toBeInTheDocument();
    expect(sim.state.get().attachments).toHaveLength(0);
    await user.click(button);
    expect(await within(section).findByText('Joint sous Facture 2026-0045.pdf.')).toBeInTheDocument();
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
