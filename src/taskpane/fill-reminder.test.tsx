/** @jest-environment ./test/support/dom-environment.js */
import { screen, waitFor, within } from '@testing-library/react';
import type { Language } from '../contract/locale';
import { askedPayments, datesIn, qrBillAsks } from '../../test/support/asked-payments';
import { PANE_TODAY } from '../../test/support/pane-ledger';
import { renderPane, paneTestServer } from '../../test/support/render-pane';

const server = paneTestServer({ asyncUtilTimeout: 8000 });

/** One current reminder per customer language, each a different level; M-2026-0004 is of a partly paid invoice. */
const CASES: [Language, string, string, string][] = [
  ['de', 'M-2026-0001', 'buchhaltung@brunner-baeckerei.ch', 'Zahlungserinnerung M-2026-0001'],
  ['fr', 'M-2026-0004', 'compta@favre-horlogerie.ch', '3e et dernier rappel M-2026-0004'],
  ['it', 'M-2026-0002', 'amministrazione@ticinovini.ch', '2° sollecito M-2026-0002'],
  ['en', 'M-2026-0003', 'accounts@alpine-software.ch', 'Final reminder M-2026-0003'],
];

describe('Fill the message for a reminder asks for what its QR-bill asks', () => {
  it.each(CASES)('in %s (%s)', async (language, number, email, subject) => {
    const { user, sim, bodyText } = await renderPane(server, {
      ledger: { reminderRun: true },
      compose: { to: [{ emailAddress: email, displayName: '' }] },
    });
    await user.click(await screen.findByRole('tab', { name: 'Reminders' }));
    await user.click((await screen.findAllByRole('button', { name: `Fill the message for reminder ${number}` }))[0]!);
    expect((await screen.findAllByText('Message filled in where it was empty.')).length).toBeGreaterThan(0);
    await waitFor(() => expect(sim.state.get().attachments).toHaveLength(1));
    const [attachment] = sim.state.get().attachments;
    const asks = qrBillAsks(Buffer.from(attachment!.base64, 'base64'));

    expect(sim.state.get().subject).toBe(subject);
    const text = bodyText();
    const asked = askedPayments(text, language);
    expect(asked, text).toEqual([{ currency: asks.currency, cents: asks.cents, date: expect.any(String) }]);
    for (const date of datesIn(text)) expect(date > PANE_TODAY, text).toBe(true);
  });

  it('neither attaches nor fills in a reminder whose deadline has passed, and says why', async () => {
    const { user, sim, bodyText } = await renderPane(server, {
      ledger: { reminderRun: true },
      compose: { to: [{ emailAddress: 'compta@favre-horlogerie.ch', displayName: '' }] },
    });
    await user.click(await screen.findByRole('tab', { name: 'Reminders' }));
    const name = 'Fill the message for reminder M-2026-0005';
    const [button] = await screen.findAllByRole('button', { name });
    await user.click(button!);
    const row = button!.closest('li')!;
    expect(
      await within(row).findByText(
        'M-2026-0005 asks for payment by 15.02.2026, which has passed. Date the reminder anew in your accounting.',
      ),
    ).toBeInTheDocument();
    expect(sim.state.get().attachments).toHaveLength(0);
    expect(bodyText()).toBe('');
    expect(sim.state.get().subject).toBe('');
  });
});
