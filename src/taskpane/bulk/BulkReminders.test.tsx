/** @jest-environment ./test/support/dom-environment.js */
import { screen, waitFor, within } from '@testing-library/react';
import { createBatchHandlers } from '../../../test/msw/batch-handlers';
import { createBridgeFixtures } from '../../../test/msw/bridge-fixtures';
import { TEST_BRIDGE_ORIGIN } from '../../../test/msw/bridge-handlers';
import { renderPane, paneTestServer } from '../../../test/support/render-pane';

const server = paneTestServer({ asyncUtilTimeout: 8000 });

/** Fixtures where the Italian customer has no address: their reminder (rem-2) cannot go out. */
function setup(refuse = new Set<string>(), fileBytes = 50_000) {
  const fixtures = createBridgeFixtures();
  for (const document of fixtures.documents) if (document.customer.id === 'c-3') document.customer.email = null;
  const fake = createBatchHandlers(fixtures, { refuse, fileBytes });
  const pane = renderPane(server, { fixtures, overrides: fake.handlers });
  return { ...pane, fake };
}

async function openBulk(user: ReturnType<typeof setup>['user']) {
  await user.click(screen.getByRole('tab', { name: 'Reminders' }));
  await user.click(await screen.findByRole('button', { name: 'Send in bulk' }));
  return screen.findByRole('list', { name: 'Select reminders' });
}

const reminderBox = (number: string) => screen.getByRole('checkbox', { name: new RegExp(`^${number},`) });

describe('reminder run in the task pane', () => {
  it('filters and selects reminders, and lists customers without an address apart', async () => {
    const { user } = setup();
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
    const { user, fake } = setup(new Set(), 1.5 * 1024 * 1024);
    await openBulk(user);
    await waitFor(() => expect(reminderBox('M-2026-0003')).toBeInTheDocument());
    await user.click(reminderBox('M-2026-0003'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Template language' }), 'English');
    const subject = screen.getByRole('textbox', { name: 'Subject' });
    await user.clear(subject);
    await user.type(subject, 'Final reminder {{number}');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Mode for level 3' }), 'Confidential');
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const preview = await screen.findByRole('region', { name: 'Preview' });
    expect(within(preview).getByText('Preview for accounts@alpine-software.ch')).toBeInTheDocument();
    expect(within(preview).getByText('Final reminder M-2026-0003')).toBeInTheDocument();
    expect(within(preview).getByText('Confidential: 1')).toBeInTheDocument();
    expect(within(preview).getByText('Total size 1.5 MB')).toBeInTheDocument();
    const frame = within(preview).getByTitle('Message preview');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('Dear Alpine Software GmbH');
    expect(fake.previews).toHaveLength(1);
    expect(fake.previews[0]).toMatchObject({
      documentIds: ['rem-3'],
      modeByLevel: { '3': 'confidential' },
    });
    // Any change makes the preview stale.
    await user.type(subject, '!');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Preview' })).not.toBeInTheDocument());
  });

  it('follows the run, shows each result, and retries only the failed ones', async () => {
    const refuse = new Set(['accounts@alpine-software.ch']);
    const { user, fake } = setup(refuse);
    await openBulk(user);
    await waitFor(() => expect(reminderBox('M-2026-0001')).toBeInTheDocument());
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    const send = screen.getByRole('button', { name: 'Send 2 messages' });
    await user.dblClick(send);

    const run = await screen.findByRole('region', { name: 'Reminder run' });
    expect(within(run).getByRole('progressbar')).toBeInTheDocument();
    await waitFor(() => expect(within(run).getByText('2 of 2 settled')).toBeInTheDocument());
    const results = within(run).getByRole('list', { name: 'Results' });
    expect(
      within(results).getByRole('listitem', { name: 'M-2026-0001, Bäckerei Brunner AG, Accepted' }),
    ).toHaveTextContent('250 Ok');
    expect(
      within(results).getByRole('listitem', { name: 'M-2026-0003, Alpine Software GmbH, Failed' }),
    ).toHaveTextContent('Recipient unknown');
    expect(fake.batches.size).toBe(1);

    refuse.clear();
    await user.click(within(run).getByRole('button', { name: 'Retry failed (1)' }));
    await waitFor(() =>
      expect(
        within(results).getByRole('listitem', { name: 'M-2026-0003, Alpine Software GmbH, Accepted' }),
      ).toBeInTheDocument(),
    );
    expect(fake.sent.sort()).toEqual(['rem-1', 'rem-3', 'rem-3']);
    expect(within(run).queryByRole('button', { name: /Retry failed/ })).not.toBeInTheDocument();
  });

  it('reattaches to a run still going on the bridge when the pane opens again', async () => {
    const { user, fake } = setup();
    const started = await fetch(`${TEST_BRIDGE_ORIGIN}/api/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'earlier-pane' },
      body: JSON.stringify({
        documentIds: ['rem-1', 'rem-3'],
        templates: { de: { subject: 'Mahnung {number}', html: '' }, en: { subject: 'Reminder {number}', html: '' } },
      }),
    });
    expect(started.status).toBe(202);
    await user.click(screen.getByRole('tab', { name: 'Reminders' }));
    const run = await screen.findByRole('region', { name: 'Reminder run' });
    await waitFor(() => expect(within(run).getByText('2 of 2 settled')).toBeInTheDocument());
    expect(fake.batches.size).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Back to the list' }));
    expect(await screen.findByRole('button', { name: 'Send in bulk' })).toBeInTheDocument();
  });
});
