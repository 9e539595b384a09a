/** @jest-environment ./test/support/dom-environment.js */
import { screen, waitFor, within } from '@testing-library/react';
import { BatchListSchema } from '../../contract/batches.schemas';
import { renderPane, paneTestServer } from '../../../test/support/render-pane';

const server = paneTestServer({ asyncUtilTimeout: 8000 });

/** The real bridge over a ledger where the Italian customer has no address: their reminder cannot go out. */
async function setup() {
  return renderPane(server, { ledger: { withoutEmail: [3] } });
}

/** The reminder numbers IncaMail received, one entry per message. */
const received = (pane: Awaited<ReturnType<typeof setup>>) =>
  pane.bridge.smtp.messages.map((m) => /M-2026-\d{4}/.exec(m.parsed.subject ?? '')?.[0]).sort();

async function openBulk(user: Awaited<ReturnType<typeof setup>>['user']) {
  await user.click(screen.getByRole('tab', { name: 'Reminders' }));
  await user.click(await screen.findByRole('button', { name: 'Send in bulk' }));
  return screen.findByRole('list', { name: 'Select reminders' });
}

const textOf = (name: string) => (screen.getByRole('textbox', { name }) as HTMLTextAreaElement).value;

const reminderBox = (number: string) => screen.getByRole('checkbox', { name: new RegExp(`^${number},`) });

describe('reminder run in the task pane', () => {
  const optionsOf = (name: string) =>
    within(screen.getByRole('combobox', { name }))
      .getAllByRole('option')
      .map((option) => option.textContent);

  it('offers only the modes the policy allows, and moves a level off a mode it does not', async () => {
    const { user } = await renderPane(server, { ledger: { bridgeEnv: { SEND_MODES: 'registered' } } });
    await openBulk(user);
    await waitFor(() => expect(optionsOf('Mode for level 1')).toEqual(['Registered']));
    expect(screen.getByRole('combobox', { name: 'Mode for level 1' })).toHaveValue('registered');
    expect(optionsOf('Mode for level 3')).toEqual(['Registered']);
  });

  it('does not offer Personal where the policy leaves it out (the default)', async () => {
    const { user } = await setup();
    await openBulk(user);
    await waitFor(() => expect(optionsOf('Mode for level 3')).toEqual(['Registered', 'Confidential']));
  });

  it('filters and selects reminders, and lists customers without an address apart', async () => {
    const { user } = await setup();
    const list = await openBulk(user);
    await waitFor(() => expect(within(list).getAllByRole('checkbox')).toHaveLength(3));

    await user.click(screen.getByRole('checkbox', { name: 'Level 1' }));
    await waitFor(() =>
      expect(within(screen.getByRole('list', { name: 'Select reminders' })).getAllByRole('checkbox')).toHaveLength(2),
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'English');
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: /^M-2026-0002,/ })).not.toBeInTheDocument());
    expect(reminderBox('M-2026-0003')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'Any language');
    await user.type(screen.getByRole('spinbutton', { name: 'Amount from' }), '1000');
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: /^M-2026-0002,/ })).not.toBeInTheDocument());
    await user.clear(screen.getByRole('spinbutton', { name: 'Amount from' }));
    await user.click(screen.getByRole('checkbox', { name: 'Level 1' }));

    await waitFor(() => expect(reminderBox('M-2026-0001')).toBeInTheDocument());
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('3 selected')).toBeInTheDocument();
    expect(within(summary).getByText('2 messages to 2 recipients')).toBeInTheDocument();
    expect(within(summary).getByText('Registered: 1 · Confidential: 1')).toBeInTheDocument();
    const without = within(summary).getByRole('list', { name: 'Without e-mail address, not sent (1)' });
    expect(within(without).getByText(/M-2026-0002/)).toBeInTheDocument();

    await user.click(reminderBox('M-2026-0003'));
    expect(within(summary).getByText('2 selected')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send 1 messages' })).toBeEnabled();
  });

  it('previews the message rendered in the customer language with the template as edited', async () => {
    const { user, bridge } = await setup();
    await openBulk(user);
    await waitFor(() => expect(reminderBox('M-2026-0003')).toBeInTheDocument());
    await user.click(reminderBox('M-2026-0003'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Template language' }), 'English');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reminder level' }), 'Final reminder');
    const subject = screen.getByRole('textbox', { name: 'Subject' });
    await user.clear(subject);
    await user.type(subject, 'Final reminder {{number}');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Mode for level 3' }), 'Confidential');
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const preview = await screen.findByRole('region', { name: 'Preview' });
    expect(within(preview).getByText('Preview for accounts@alpine-software.ch')).toBeInTheDocument();
    expect(within(preview).getByText('Final reminder M-2026-0003')).toBeInTheDocument();
    expect(within(preview).getByText('Confidential: 1')).toBeInTheDocument();
    // The size of what IncaMail would receive: the reminder's real PDF and the message around it.
    expect(within(preview).getByText(/^Total size \d+ KB$/)).toBeInTheDocument();
    const frame = within(preview).getByTitle('Message preview');
    expect(frame.getAttribute('sandbox')).toBe('');
    // The bridge's final demand: open amount plus the level-3 fee, by the reminder's own deadline, signed.
    expect(frame.getAttribute('srcdoc')).toContain('Unless payment of CHF\u00a05’430.00 reaches us by 20.03.2026');
    expect(frame.getAttribute('srcdoc')).toContain('Alpenglut Werkstätten AG');
    expect(within(preview).getByText('Confidential, as set for level 3')).toBeInTheDocument();
    expect(within(preview).getByText('Message 1 of 1')).toBeInTheDocument();
    const previews = bridge.requests.filter((r) => r.method === 'POST' && r.path === '/api/batches/preview');
    expect(previews).toHaveLength(1);
    expect(bridge.smtp.messages).toHaveLength(0);
    expect(previews[0]!.body).toMatchObject({
      documentIds: ['rem-103'],
      grouping: 'per-customer',
      modeByLevel: { '3': 'confidential' },
      templates: { en: { '3': { subject: 'Final reminder {number}' } } },
    });
    // Any change makes the preview stale.
    await user.type(subject, '!');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Preview' })).not.toBeInTheDocument());
  });

  it('follows the run, shows each result, and retries only the failed ones', async () => {
    const pane = await setup();
    const { user, bridge } = pane;
    bridge.refusedRecipients.add('accounts@alpine-software.ch.incamail.ch');
    await openBulk(user);
    await waitFor(() => expect(reminderBox('M-2026-0001')).toBeInTheDocument());
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    const send = screen.getByRole('button', { name: 'Send 2 messages' });
    await user.dblClick(send);

    const run = await screen.findByRole('region', { name: 'Reminder run' });
    expect(within(run).getByRole('progressbar')).toBeInTheDocument();
    await waitFor(() => expect(within(run).getByText('2 of 2 processed')).toBeInTheDocument());
    const results = within(run).getByRole('list', { name: 'Results' });
    // In the user's words, once: no raw SMTP reply for a success, no reply repeated for a failure.
    const accepted = within(results).getByRole('listitem', { name: 'M-2026-0001, Bäckerei Brunner AG, Accepted' });
    expect(accepted).not.toHaveTextContent(/250|Ok/);
    const failed = within(results).getByRole('listitem', { name: 'M-2026-0003, Alpine Software GmbH, Failed' });
    expect(failed.textContent!.match(/550/g) ?? []).toHaveLength(0);
    expect(failed).toHaveTextContent(/Failed · \S/);
    // Two clicks, one run.
    const runs = async () => BatchListSchema.parse((await bridge.asUser({ url: '/api/batches' })).json()).items;
    expect(await runs()).toHaveLength(1);
    expect(received(pane)).toEqual(['M-2026-0001']);

    bridge.refusedRecipients.clear();
    await user.click(within(run).getByRole('button', { name: 'Retry failed (1)' }));
    await waitFor(() =>
      expect(
        within(results).getByRole('listitem', { name: 'M-2026-0003, Alpine Software GmbH, Accepted' }),
      ).toBeInTheDocument(),
    );
    expect(received(pane)).toEqual(['M-2026-0001', 'M-2026-0003']);
    expect(await runs()).toHaveLength(1);
    expect(within(run).queryByRole('button', { name: /Retry failed/ })).not.toBeInTheDocument();
  });

  it('reattaches to a run still going on the bridge when the pane opens again', async () => {
    const pane = await setup();
    const { user, bridge } = pane;
    // An earlier pane of the same user started a run and was closed.
    const started = await bridge.asUser({
      method: 'POST',
      url: '/api/batches',
      headers: { 'idempotency-key': 'earlier-pane' },
      payload: { documentIds: ['rem-101', 'rem-103'] },
    });
    expect(started.statusCode).toBe(202);
    await user.click(screen.getByRole('tab', { name: 'Reminders' }));
    const run = await screen.findByRole('region', { name: 'Reminder run' });
    await waitFor(() => expect(within(run).getByText('2 of 2 processed')).toBeInTheDocument());
    expect(received(pane)).toEqual(['M-2026-0001', 'M-2026-0003']);
    await user.click(screen.getByRole('button', { name: 'Back to the list' }));
    expect(await screen.findByRole('button', { name: 'Send in bulk' })).toBeInTheDocument();
  });

  it('sends one message per customer with all their reminders, and one per reminder when asked', async () => {
    const pane = await renderPane(server, { ledger: { reminderRun: true } });
    const { user, bridge } = pane;
    await openBulk(user);
    await waitFor(() => expect(reminderBox('M-2026-0006')).toBeInTheDocument());
    await user.click(reminderBox('M-2026-0001'));
    await user.click(reminderBox('M-2026-0006'));
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('1 messages to 1 recipients')).toBeInTheDocument();
    // Levels 1 and 2 in one message: the mode of level 2.
    expect(within(summary).getByText('Confidential: 1')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByRole('region', { name: 'Preview' });
    const attachments = within(preview).getByRole('list', { name: '2 attachments' });
    expect(within(attachments).getByText(/^Mahnung-M-2026-0001\.pdf \(\d+ KB\)$/)).toBeInTheDocument();
    expect(within(attachments).getByText(/^Mahnung-M-2026-0006\.pdf \(\d+ KB\)$/)).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'One message per reminder' }));
    expect(within(summary).getByText('2 messages to 1 recipients')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'One message per customer with all their reminders' }));
    await user.click(screen.getByRole('button', { name: 'Send 1 messages' }));
    await waitFor(() => expect(bridge.smtp.messages).toHaveLength(1));
    const [message] = bridge.smtp.messages;
    expect(message!.parsed.attachments.map((a) => a.filename)).toEqual([
      'Mahnung-M-2026-0001.pdf',
      'Mahnung-M-2026-0006.pdf',
    ]);
    expect(message!.parsed.subject).toBe('<c>2. Mahnung M-2026-0001, M-2026-0006');
  });

  it('does not offer a reminder whose deadline has passed, and says why', async () => {
    const { user } = await renderPane(server, { ledger: { reminderRun: true } });
    await openBulk(user);
    await waitFor(() => expect(reminderBox('M-2026-0004')).toBeInTheDocument());
    expect(screen.queryByRole('checkbox', { name: /^M-2026-0005,/ })).not.toBeInTheDocument();
    const expired = screen.getByRole('list', { name: 'Payment deadline passed, cannot be sent (1)' });
    expect(expired).toHaveTextContent(
      'M-2026-0005 · Horlogerie Favre SA: payable by 15.02.2026. Date the reminder anew in the accounting.',
    );
  });

  it('edits the template of one language and level, inserts a field at the cursor, previews live, and restores it', async () => {
    const { user } = await setup();
    await openBulk(user);
    await waitFor(() => expect(reminderBox('M-2026-0001')).toBeInTheDocument());
    await user.click(reminderBox('M-2026-0001'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Template language' }), 'German');
    const live = screen.getByRole('document', { name: 'What the customer reads' });
    // (Text content is compared with its no-break spaces collapsed.) The bridge's level-1 text with M-2026-0001's values: what its QR-bill asks, by its deadline, signed.
    await waitFor(() => expect(live).toHaveTextContent('Bitte überweisen Sie CHF 1’234.50 bis 25.03.2026.'));
    expect(live).toHaveTextContent('Zahlungserinnerung M-2026-0001');
    expect(live).toHaveTextContent('Alpenglut Werkstätten AG');

    const body = screen.getByRole('textbox', { name: 'Text' });
    await user.clear(body);
    await user.type(body, 'Offen: ');
    await user.click(screen.getByRole('button', { name: /^Amount due: open amount plus fee, as on the QR-bill/ }));
    expect(body).toHaveValue('Offen: {amountDue}');
    expect(live).toHaveTextContent('Offen: CHF 1’234.50');
    expect(screen.getByText('Changed for this run')).toBeInTheDocument();
    // Level 2 still has the bridge's text; level 1 comes back with one click.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reminder level' }), 'Second reminder');
    expect(textOf('Text')).toContain('Trotz unserer Zahlungserinnerung');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reminder level' }), 'Payment reminder');
    await user.click(screen.getByRole('button', { name: 'Restore the template' }));
    expect(textOf('Text')).toContain('Sicher ist es Ihrer');
  });
});
