/** @jest-environment ./test/support/dom-environment.js */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { ATTACHED_DOCUMENTS_KEY, parseAttachedDocuments } from '../contract/item-state';
import { renderOversizedPdf } from '../../test/support/pdf-fixture';
import { PANE_BRIDGE_ORIGIN, renderPane, paneTestServer } from '../../test/support/render-pane';

const server = paneTestServer();

const brunner = { emailAddress: 'buchhaltung@brunner-baeckerei.ch', displayName: 'Brunner' };
const MB = 1024 * 1024;
const ATTACH = 'addFileAttachmentFromBase64Async';

/** The first row with this button: a recipient's document is listed for the message and among all documents. */
const rowOf = async (name: string) => (await screen.findAllByRole('button', { name }))[0]!.closest('li')!;

describe('task pane: attach', () => {
  it("attaches the ledger's PDF under the customer's file name, records it, and shows it as attached", async () => {
    const { user, sim, bridge } = await renderPane(server, { compose: { to: [brunner] } });
    const section = screen.getByRole('region', { name: 'For this message' });
    const button = await within(section).findByRole('button', { name: 'Attach invoice 2026-0042' });
    await user.click(button);

    expect(await within(section).findByText('Attached as Rechnung-2026-0042.pdf.')).toBeInTheDocument();
    expect(button).toHaveTextContent('Attached');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    const { attachments, customProperties } = sim.state.get();
    expect(attachments).toHaveLength(1);
    const [attachment] = attachments;
    expect(attachment!.name).toBe('Rechnung-2026-0042.pdf');
    // The very bytes the bridge renders for the invoice, QR-bill and all.
    const pdf = await bridge.pdfOf('inv-42');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(attachment!.base64, 'base64').equals(pdf)).toBe(true);
    expect(parseAttachedDocuments(customProperties[ATTACHED_DOCUMENTS_KEY])).toEqual([
      {
        documentId: 'inv-42',
        attachmentId: attachment!.id,
        fileName: 'Rechnung-2026-0042.pdf',
        kind: 'invoice',
        number: '2026-0042',
      },
    ]);
  });

  it('follows the compose window: an attachment the user removes there is no longer shown as attached', async () => {
    const { user, sim } = await renderPane(server, { compose: { to: [brunner] } });
    const section = screen.getByRole('region', { name: 'For this message' });
    const button = await within(section).findByRole('button', { name: 'Attach invoice 2026-0042' });
    await user.click(button);
    expect(await within(section).findByText('Attached as Rechnung-2026-0042.pdf.')).toBeInTheDocument();

    // Removed in Outlook, while the pane keeps no focus (Outlook on the web): AttachmentsChanged tells it.
    sim.host.removeAttachment(sim.state.get().attachments[0]!.id);
    await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled', 'true'));
    expect(button).not.toHaveTextContent('Attached');
    expect(within(section).queryByText('Attached as Rechnung-2026-0042.pdf.')).not.toBeInTheDocument();
    await user.click(button);
    await waitFor(() => expect(sim.state.get().attachments).toHaveLength(1));
  });

  it('does not attach a draft, and says why', async () => {
    const { user, sim } = await renderPane(server, { compose: { to: [brunner] }, ledger: { draftInvoice: true } });
    const row = await rowOf('Attach invoice 2026-0048');
    await user.click(within(row).getByRole('button', { name: 'Attach invoice 2026-0048' }));
    expect(await within(row).findByText(/^2026-0048 is a draft\./)).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Fill the message for invoice 2026-0048' }));
    expect(sim.state.get().attachments).toHaveLength(0);
    expect(sim.state.get().subject).toBe('');
  });

  it('starts afresh on a new draft: a pinned pane no longer says the last message’s PDF is attached', async () => {
    const { user, sim } = await renderPane(server, { compose: { to: [brunner] } });
    const section = () => screen.getByRole('region', { name: 'For this message' });
    await user.click(await within(section()).findByRole('button', { name: 'Attach invoice 2026-0042' }));
    expect(await within(section()).findByText('Attached as Rechnung-2026-0042.pdf.')).toBeInTheDocument();

    // The user starts a new message to the same customer; Outlook moves the pinned pane there (ItemChanged).
    sim.host.newDraft({ to: [brunner] });
    await waitFor(() => expect(screen.queryByText('Attached as Rechnung-2026-0042.pdf.')).not.toBeInTheDocument());
    const button = await within(section()).findByRole('button', { name: 'Attach invoice 2026-0042' });
    await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled', 'true'));
    expect(button).not.toHaveTextContent('Attached');
    await user.click(button);
    expect(await within(section()).findByText('Attached as Rechnung-2026-0042.pdf.')).toBeInTheDocument();
    expect(sim.state.get().attachments.map((a) => a.name)).toEqual(['Rechnung-2026-0042.pdf']);
  });

  it('shows a progress indicator while the PDF is on its way', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const { user } = await renderPane(server, {
      compose: { to: [brunner] },
      // A slow network: the request waits, then goes on to the bridge.
      overrides: [http.get(`${PANE_BRIDGE_ORIGIN}/api/documents/inv-44/pdf`, () => held.then(() => undefined))],
    });
    const row = await rowOf('Attach invoice 2026-0044');
    await user.click(within(row).getByRole('button', { name: 'Attach invoice 2026-0044' }));
    expect(await within(row).findByText('Attaching 2026-0044…')).toBeInTheDocument();
    release();
    expect(await within(row).findByText('Attached as Rechnung-2026-0044.pdf.')).toBeInTheDocument();
    expect(within(row).queryByText('Attaching 2026-0044…')).not.toBeInTheDocument();
  });

  it('does not attach the same document twice, even from both sections of the pane', async () => {
    const { user, sim } = await renderPane(server, { compose: { to: [brunner] } });
    const both = () => screen.getAllByRole('button', { name: 'Attach invoice 2026-0042' });
    await waitFor(() => expect(both()).toHaveLength(2));
    const [inSection, inAll] = both();
    await user.click(inSection!);
    await waitFor(() => expect(inAll).toHaveTextContent('Attached'));
    await user.click(inAll!);
    await user.click(inSection!);
    expect(sim.host.callCount(ATTACH)).toBe(1);
    expect(sim.state.get().attachments).toHaveLength(1);
  });

  it('knows what an earlier session attached, as long as the attachment is still on the message', async () => {
    const stored = JSON.stringify([
      {
        documentId: 'inv-44',
        attachmentId: 'existing-0',
        fileName: 'Rechnung-2026-0044.pdf',
        kind: 'invoice',
        number: '2026-0044',
      },
      {
        documentId: 'inv-43',
        attachmentId: 'removed-by-user',
        fileName: 'Rechnung-2026-0043.pdf',
        kind: 'invoice',
        number: '2026-0043',
      },
    ]);
    await renderPane(server, {
      compose: {
        to: [brunner],
        attachments: [{ name: 'Rechnung-2026-0044.pdf', base64: 'JVBERi0=', size: 20_000 }],
        customProperties: { [ATTACHED_DOCUMENTS_KEY]: stored },
      },
    });
    const section = screen.getByRole('region', { name: 'For this message' });
    await waitFor(() =>
      expect(within(section).getByRole('button', { name: 'Attach invoice 2026-0044' })).toHaveTextContent('Attached'),
    );
    expect(within(section).getByRole('button', { name: 'Attach invoice 2026-0043' })).not.toHaveTextContent('Attached');
  });

  it('refuses a PDF beyond Outlook’s per-file limit, before calling Outlook', async () => {
    const huge = await renderOversizedPdf('Rechnung 2026-0042', 26 * MB);
    const { user, sim } = await renderPane(server, {
      compose: { to: [brunner] },
      // No ledger of ours renders 26 MB; an accounting backend's scanned PDF can be that large.
      overrides: [
        http.get(
          `${PANE_BRIDGE_ORIGIN}/api/documents/inv-42/pdf`,
          () =>
            new HttpResponse(huge.slice().buffer, {
              headers: {
                'content-type': 'application/pdf',
                'content-disposition': 'attachment; filename="Rechnung-2026-0042.pdf"',
              },
            }),
        ),
      ],
    });
    const row = await rowOf('Attach invoice 2026-0042');
    await user.click(within(row).getByRole('button', { name: 'Attach invoice 2026-0042' }));
    expect(await within(row).findByText(/too large for Outlook \(26 MB; at most 25 MB per file\)/)).toBeInTheDocument();
    expect(sim.host.callCount(ATTACH)).toBe(0);
    expect(within(row).getByRole('button', { name: 'Attach invoice 2026-0042' })).not.toHaveAttribute('aria-disabled');
  });

  it('refuses a PDF that would take the message beyond 25 MB of attachments in total', async () => {
    const { user, sim } = await renderPane(server, {
      compose: { to: [brunner], attachments: [{ name: 'plans.zip', size: 25 * MB - 100 }] },
    });
    const row = await rowOf('Attach invoice 2026-0042');
    await user.click(within(row).getByRole('button', { name: 'Attach invoice 2026-0042' }));
    expect(await within(row).findByText(/would reach 25 MB; Outlook allows 25 MB in total/)).toBeInTheDocument();
    expect(sim.host.callCount(ATTACH)).toBe(0);
  });

  it('shows the bridge’s message when the document is gone from the ledger', async () => {
    const { user, bridge } = await renderPane(server, { compose: { to: [brunner] } });
    const row = await rowOf('Attach invoice 2026-0042');
    // Deleted in the accounting after the pane listed it (its reminder with it).
    const db = bridge.ledgerDb();
    db.prepare('DELETE FROM ledger_document_lines WHERE document_id IN (42, 101)').run();
    db.prepare('DELETE FROM ledger_documents WHERE id IN (101, 42)').run();
    await user.click(within(row).getByRole('button', { name: 'Attach invoice 2026-0042' }));
    expect(await within(row).findByText('No document with id "inv-42".')).toBeInTheDocument();
  });
});

describe('task pane: fill the message', () => {
  it("fills To, subject and a sentence in the customer's language when they are empty", async () => {
    const { user, sim, bodyText } = await renderPane(server, { language: 'en' });
    const row = await rowOf('Fill the message for invoice 2026-0045');
    await user.click(within(row).getByRole('button', { name: 'Fill the message for invoice 2026-0045' }));
    expect(await within(row).findByText('Message filled in where it was empty.')).toBeInTheDocument();
    expect(sim.state.get().to).toEqual([
      { emailAddress: 'compta@favre-horlogerie.ch', displayName: 'Horlogerie Favre SA' },
    ]);
    expect(sim.state.get().subject).toBe('Facture 2026-0045');
    expect(bodyText()).toMatch(
      /^Veuillez trouver ci-joint la facture 2026-0045 de 15.600[.,]00\sCHF, payable jusqu’au 30\.03\.2026\.$/,
    );
    // "Please find attached" is true: the invoice is on the message, once.
    await waitFor(() => expect(sim.state.get().attachments.map((x) => x.name)).toEqual(['Facture-2026-0045.pdf']));
    expect(within(row).getByRole('button', { name: 'Attach invoice 2026-0045' })).toHaveTextContent('Attached');
  });

  it('never overwrites what the user wrote', async () => {
    const { user, sim, bodyText } = await renderPane(server, {
      compose: { to: [brunner], subject: 'Unsere Rechnung', body: 'Grüezi Frau Brunner, ' },
    });
    const row = await rowOf('Fill the message for invoice 2026-0042');
    await user.click(within(row).getByRole('button', { name: 'Fill the message for invoice 2026-0042' }));
    await within(row).findByText('Message filled in where it was empty.');
    expect(sim.state.get().to).toEqual([brunner]);
    expect(sim.state.get().subject).toBe('Unsere Rechnung');
    expect(bodyText()).toMatch(/^Grüezi Frau Brunner, Im Anhang finden Sie die Rechnung 2026-0042 über CHF/);
    await user.click(within(row).getByRole('button', { name: 'Fill the message for invoice 2026-0042' }));
    expect(await within(row).findByText(/nothing was changed/)).toBeInTheDocument();
  });

  it('leaves a selection alone and says why', async () => {
    const { user, sim, bodyText } = await renderPane(server, {
      compose: { to: [brunner], subject: 'x', body: 'Hello' },
    });
    sim.host.selectBodyText('Hello');
    const row = await rowOf('Fill the message for invoice 2026-0042');
    await user.click(within(row).getByRole('button', { name: 'Fill the message for invoice 2026-0042' }));
    expect(await within(row).findByText(/without selecting anything/)).toBeInTheDocument();
    expect(bodyText()).toBe('Hello');
  });
});
