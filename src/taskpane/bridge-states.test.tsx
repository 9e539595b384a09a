/** @jest-environment ./test/support/dom-environment.js */
import { screen, within } from '@testing-library/react';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { PANE_BRIDGE_ORIGIN, renderPane, paneTestServer } from '../../test/support/render-pane';

// msw puts faults in front of the real bridge: down, malformed or unexpected answers.
const server = paneTestServer();

const renderWith = (...overrides: HttpHandler[]) => renderPane(server, { overrides });
const allDocuments = () => screen.getByRole('region', { name: 'All documents' });

describe('task pane: when the bridge fails', () => {
  it('says the bridge is unreachable and recovers on retry', async () => {
    let down = true;
    const { user } = await renderWith(
      http.get(`${PANE_BRIDGE_ORIGIN}/api/documents`, () => (down ? HttpResponse.error() : undefined)),
    );
    expect(await within(allDocuments()).findByText(/cannot be reached/)).toBeInTheDocument();
    down = false;
    await user.click(within(allDocuments()).getByRole('button', { name: 'Retry' }));
    expect(await within(allDocuments()).findByRole('listitem', { name: /2026-0042/ })).toBeInTheDocument();
  });

  it('says so in German too', async () => {
    await renderPane(server, {
      language: 'de',
      overrides: [http.get(`${PANE_BRIDGE_ORIGIN}/api/documents`, () => HttpResponse.error())],
    });
    const section = screen.getByRole('region', { name: 'Alle Dokumente' });
    expect(await within(section).findByText(/Die LedgerMail-Bridge ist nicht erreichbar/)).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Erneut versuchen' })).toBeInTheDocument();
  });

  it('does not trust malformed JSON', async () => {
    await renderWith(
      http.get(
        `${PANE_BRIDGE_ORIGIN}/api/documents`,
        () => new HttpResponse('{"items": [', { headers: { 'content-type': 'application/json' } }),
      ),
    );
    expect(await within(allDocuments()).findByText('The bridge sent an unreadable answer.')).toBeInTheDocument();
  });

  it('does not trust JSON of the wrong shape', async () => {
    await renderWith(
      http.get(`${PANE_BRIDGE_ORIGIN}/api/documents`, () =>
        HttpResponse.json({ items: [{ id: 1, number: null }], nextCursor: null }),
      ),
    );
    expect(await within(allDocuments()).findByText('The bridge sent an unreadable answer.')).toBeInTheDocument();
  });

  it("shows the bridge's own error message where it names what is wrong", async () => {
    await renderWith(
      http.get(`${PANE_BRIDGE_ORIGIN}/api/documents`, () =>
        HttpResponse.json(
          { error: { code: 'upstream_unavailable', message: 'bexio is not answering; try again in a minute.' } },
          { status: 502 },
        ),
      ),
    );
    expect(
      await within(allDocuments()).findByText('bexio is not answering; try again in a minute.'),
    ).toBeInTheDocument();
  });

  it("shows the bridge's own message for a bad request", async () => {
    await renderWith(
      http.get(`${PANE_BRIDGE_ORIGIN}/api/documents`, () =>
        HttpResponse.json({ error: { code: 'bad_request', message: 'limit: must be at most 100' } }, { status: 400 }),
      ),
    );
    expect(await within(allDocuments()).findByText('limit: must be at most 100')).toBeInTheDocument();
  });
});

describe('task pane: the accounting behind the bridge', () => {
  it('names the accounting the documents come from', async () => {
    await renderWith();
    expect(await within(allDocuments()).findByText('From the built-in ledger.')).toBeInTheDocument();
  });

  it("says when LedgerMail produced the PDFs from the open items of WinBIZ, in the user's language", async () => {
    const winbiz = http.get(`${PANE_BRIDGE_ORIGIN}/api/documents`, () =>
      HttpResponse.json({ items: [], nextCursor: null, source: { backend: 'winbiz', pdfs: 'ledgermail' } }),
    );
    await renderPane(server, { language: 'fr', overrides: [winbiz] });
    const section = screen.getByRole('region', { name: 'Tous les documents' });
    expect(
      await within(section).findByText('Depuis WinBIZ Cloud. LedgerMail établit les PDF à partir des postes ouverts.'),
    ).toBeInTheDocument();
  });

  it("explains an accounting that does not answer in the user's words, not the bridge's English", async () => {
    await renderPane(server, {
      language: 'de',
      overrides: [
        http.get(`${PANE_BRIDGE_ORIGIN}/api/documents`, () =>
          HttpResponse.json(
            {
              error: {
                code: 'accounting_unavailable',
                message: 'bexio did not answer within 10 s; try again in a minute.',
              },
            },
            { status: 502 },
          ),
        ),
      ],
    });
    const section = screen.getByRole('region', { name: 'Alle Dokumente' });
    expect(
      await within(section).findByText(
        'Die Buchhaltung ist im Moment nicht erreichbar; versuchen Sie es in einer Minute wieder.',
      ),
    ).toBeInTheDocument();
    expect(within(section).queryByText(/did not answer/)).toBeNull();
  });
});
