/** @jest-environment ./test/support/dom-environment.js */
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { PANE_BRIDGE_ORIGIN, paneTestServer, renderPane } from '../../test/support/render-pane';
import { SEND_STATE_KEY, type SendAttempt } from '../contract/item-state';
import { SendRecordSchema } from '../contract/sends.schemas';

const server = paneTestServer();

const ANNA = 'anna.keller@example.ch';
const KEY = 'c0ffee'.repeat(8);
const MESSAGE = {
  mode: 'registered',
  from: ANNA,
  to: ['buchhaltung@brunner-baeckerei.ch'],
  subject: 'Rechnung 2026-0042',
  html: '<p>Guten Tag</p>',
};

/** What the Registered command leaves on the draft before the message leaves for the bridge. */
const sendStateOn = (attempt: Partial<SendAttempt> = {}) => ({
  [SEND_STATE_KEY]: JSON.stringify({
    generation: 0,
    attempt: { key: KEY, generation: 0, mode: 'registered', startedAt: new Date().toISOString(), ...attempt },
  }),
});

describe('task pane: what became of a send that was interrupted', () => {
  it('says the bridge has not received it yet, then, once it went, that it was sent, when and as what', async () => {
    const { bridge } = await renderPane(server, { compose: { customProperties: sendStateOn() } });
    expect(await screen.findByText(/^LedgerMail has not received this message yet/)).toBeInTheDocument();

    // The hand-over arrives after all (it was still on its way); IncaMail accepts it.
    const handedOver = await bridge.asUser({
      method: 'POST',
      url: '/api/sends?wait=5',
      headers: { 'idempotency-key': KEY },
      payload: MESSAGE,
    });
    const record = SendRecordSchema.parse(handedOver.json());
    expect(record.status).toBe('accepted');
    const sent = await screen.findByText(/^This message was sent as registered e-mail through IncaMail on/, undefined, {
      timeout: 20_000,
    });
    expect(sent.textContent).toMatch(
      new RegExp(
        `on \\d{2}\\.\\d{2}\\.\\d{4} at \\d{2}:\\d{2} \\(reference ${record.id.slice(0, 8)}\\)\\. You can delete this draft\\.$`,
      ),
    );
    expect(screen.queryByText(/has not received/)).not.toBeInTheDocument();
    // Nothing was handed over by the pane: it only asked.
    expect(bridge.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('says, in the user’s language, that IncaMail refused it and a new click sends it', async () => {
    const { bridge } = await renderPane(server, { language: 'de', compose: { customProperties: sendStateOn() } });
    bridge.refusedRecipients.add('buchhaltung@brunner-baeckerei.ch.incamail.ch');
    await bridge.asUser({
      method: 'POST',
      url: '/api/sends?wait=5',
      headers: { 'idempotency-key': KEY },
      payload: MESSAGE,
    });
    expect(
      await screen.findByText(/^Diese Nachricht wurde nicht gesendet: IncaMail hat sie abgelehnt \(550/, undefined, {
        timeout: 20_000,
      }),
    ).toHaveTextContent(/Klicken Sie auf «Eingeschrieben», um es erneut zu versuchen\.$/);
  });

  it('says it was not sent once the hand-over can no longer arrive', async () => {
    await renderPane(server, {
      compose: { customProperties: sendStateOn({ startedAt: new Date(Date.now() - 3_600_000).toISOString() }) },
    });
    expect(
      await screen.findByText(
        'This message was not sent: sending was interrupted before it reached LedgerMail. Click Registered to send it.',
      ),
    ).toBeInTheDocument();
  });

  it('says it could not check, and that a click never sends twice, when the bridge cannot be asked', async () => {
    await renderPane(server, {
      compose: { customProperties: sendStateOn() },
      overrides: [http.get(`${PANE_BRIDGE_ORIGIN}/api/sends/by-key`, () => new HttpResponse(null, { status: 503 }))],
    });
    expect(
      await screen.findByText(
        'LedgerMail could not check whether this message was already sent (The LedgerMail bridge cannot be reached.). Clicking Registered again is safe: a message is never sent twice.',
      ),
    ).toBeInTheDocument();
  });

  it('asks nothing for a draft nothing was sent from', async () => {
    const { bridge } = await renderPane(server);
    await screen.findByRole('region', { name: 'All documents' });
    await waitFor(() => expect(bridge.requests.some((r) => r.path.startsWith('/api/documents'))).toBe(true));
    expect(bridge.requests.filter((r) => r.path.startsWith('/api/sends'))).toEqual([]);
    expect(screen.queryByText(/this message (was|is)|has not received|could not check/)).not.toBeInTheDocument();
  });
});
