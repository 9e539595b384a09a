/** @jest-environment ./test/support/dom-environment.js */
import { screen, waitFor, within } from '@testing-library/react';
import { renderPane, paneTestServer } from '../../test/support/render-pane';
import type { Language } from '../contract/locale';
import { isDarkBackground } from './App';

const server = paneTestServer();

const brunner = { emailAddress: 'Buchhaltung@Brunner-Baeckerei.ch', displayName: 'Brunner' };
const favre = { emailAddress: 'compta@favre-horlogerie.ch', displayName: 'Favre' };

/** CHF 1234.50 as Swiss documents write it in each language, no-break spaces read as spaces by Testing Library. */
const SWISS_1234_50: Record<Language, string> = {
  de: 'CHF 1’234.50',
  fr: '1 234.50 CHF',
  it: 'CHF 1’234.50',
  en: 'CHF 1’234.50',
};
const swiss = (language: Language) => SWISS_1234_50[language];

const forThisMessage = () => screen.getByRole('region', { name: 'For this message' });
const allDocuments = () => screen.getByRole('region', { name: 'All documents' });
const rowNumbers = (list: HTMLElement) =>
  within(list)
    .queryAllByRole('listitem')
    .map((row) => row.getAttribute('aria-label')?.split(',')[0]);

describe('task pane: recipients first', () => {
  it("lists the recipients' invoices first, overdue and open before paid", async () => {
    await renderPane(server, { compose: { to: [brunner] } });
    const section = forThisMessage();
    await waitFor(() => expect(rowNumbers(section)).toEqual(['2026-0042', '2026-0044', '2026-0043']));
    const overdue = within(section).getByRole('listitem', { name: /2026-0042/ });
    expect(within(overdue).getByText('Overdue')).toBeInTheDocument();
    expect(within(overdue).getByText('Bäckerei Brunner AG')).toBeInTheDocument();
    expect(within(overdue).getByText(swiss('en'))).toBeInTheDocument();
    expect(within(overdue).getByText('Due 10.02.2026')).toBeInTheDocument();
  });

  it('draws a long recipient list in steps: 12 rows at once, then 50 more at a time', async () => {
    const { user } = await renderPane(server, { compose: { to: [favre] }, ledger: { extraInvoices: 1200 } });
    const section = forThisMessage();
    await waitFor(() => expect(rowNumbers(section)).toHaveLength(12));
    const more = within(section).getByRole('button', { name: 'Show more (12 of 200 shown)' });
    const first = rowNumbers(section);
    await user.click(more);
    await waitFor(() => expect(rowNumbers(section)).toHaveLength(62));
    expect(rowNumbers(section).slice(0, 12)).toEqual(first);
    expect(within(section).getByRole('button', { name: 'Show more (62 of 200 shown)' })).toBeInTheDocument();
    for (const _ of [1, 2, 3]) await user.click(within(section).getByRole('button', { name: /^Show more/ }));
    await waitFor(() => expect(rowNumbers(section)).toHaveLength(200));
    expect(within(section).queryByRole('button', { name: /^Show more/ })).not.toBeInTheDocument();
    // A page of the pager is drawn whole: its range says 1–50.
    expect(rowNumbers(allDocuments())).toHaveLength(50);
  });

  it('asks for recipients when the message has none', async () => {
    await renderPane(server);
    expect(await within(forThisMessage()).findByText(/Add recipients/)).toBeInTheDocument();
  });

  it('says so when the recipients have no documents', async () => {
    await renderPane(server, { compose: { cc: [{ emailAddress: 'someone@example.org', displayName: 'X' }] } });
    // The section settles after both of its requests; wait for the text rather than hold an early node.
    await waitFor(() =>
      expect(within(forThisMessage()).getByText('No documents for these recipients.')).toBeInTheDocument(),
    );
  });

  it('follows RecipientsChanged: a new recipient brings their documents', async () => {
    const { sim } = await renderPane(server, { compose: { to: [brunner] } });
    await waitFor(() => expect(rowNumbers(forThisMessage())).toHaveLength(3));
    sim.host.editRecipients('to', [favre]);
    await waitFor(() => expect(rowNumbers(forThisMessage())).toEqual(['2026-0045']));
  });

  it('re-reads the recipients on focus where Outlook has no RecipientsChanged', async () => {
    const { sim } = await renderPane(server, { compose: { to: [brunner] }, recipientsChanged: 'unsupported' });
    await waitFor(() => expect(rowNumbers(forThisMessage())).toHaveLength(3));
    sim.host.editRecipients('to', [favre]);
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(rowNumbers(forThisMessage())).toEqual(['2026-0045']));
  });
});

describe('task pane: search, filters, pages, tabs', () => {
  it('searches by customer name', async () => {
    const { user } = await renderPane(server);
    await waitFor(() => expect(rowNumbers(allDocuments())).toHaveLength(6));
    await user.type(screen.getByRole('searchbox', { name: 'Search documents' }), 'favre');
    await waitFor(() => expect(rowNumbers(allDocuments())).toEqual(['2026-0045']));
  });

  it('filters by status and by overdue age', async () => {
    const { user } = await renderPane(server);
    await waitFor(() => expect(rowNumbers(allDocuments())).toHaveLength(6));
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Status' }), 'Paid');
    await waitFor(() => expect(rowNumbers(allDocuments())).toEqual(['2026-0047', '2026-0043']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Any status');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Overdue since' }), 'More than 30 days');
    await waitFor(() => expect(rowNumbers(allDocuments())).toEqual(['2026-0042', '2026-0046']));
  });

  it('pages through thousands of invoices, one page of 50 at a time, saying which and of how many', async () => {
    const { user } = await renderPane(server, { ledger: { extraInvoices: 3000 } });
    await waitFor(() => expect(rowNumbers(allDocuments())).toHaveLength(50));
    const first = rowNumbers(allDocuments());
    const pager = () => within(allDocuments()).getByRole('navigation');
    await waitFor(() => expect(pager()).toHaveTextContent('1–50 of more than 1’000'));
    await user.click(within(pager()).getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(pager()).toHaveTextContent('51–100 of more than 1’000'));
    await waitFor(() => expect(rowNumbers(allDocuments())).toHaveLength(50));
    expect(rowNumbers(allDocuments())).not.toContain(first[0]);
    await user.click(within(pager()).getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(rowNumbers(allDocuments())).toEqual(first));
    // A search narrows the total below the ledger's counting bound: exact, and on every page of the search.
    await user.type(screen.getByRole('searchbox', { name: 'Search documents' }), 'favre');
    await waitFor(() => expect(pager()).toHaveTextContent('1–50 of 751'));
    await user.click(within(pager()).getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(pager()).toHaveTextContent('51–100 of 751'));
  });

  it.each([
    ['de', 'Vorherige Seite', '1–50 von über 1’000', 'Nächste Seite'],
    ['fr', 'Page précédente', '1–50 sur plus de 1 000', 'Page suivante'],
    ['it', 'Pagina precedente', '1–50 di oltre 1’000', 'Pagina successiva'],
  ] as const)('names the pages and their total in %s', async (language, previous, range, next) => {
    await renderPane(server, { language, ledger: { extraInvoices: 1200 } });
    const pager = await screen.findByRole('navigation');
    await waitFor(() => expect(pager).toHaveTextContent(range));
    expect(within(pager).getByRole('button', { name: previous })).toBeDisabled();
    expect(within(pager).getByRole('button', { name: next })).toBeEnabled();
  });

  it('shows reminders with their level on the Reminders tab, filtered by level', async () => {
    const { user } = await renderPane(server, { compose: { to: [brunner] } });
    await user.click(screen.getByRole('tab', { name: 'Reminders' }));
    await waitFor(() => expect(rowNumbers(allDocuments())).toHaveLength(3));
    expect(rowNumbers(forThisMessage())).toEqual(['M-2026-0001']);
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Reminder level' }), 'Level 3');
    await waitFor(() => expect(rowNumbers(allDocuments())).toEqual(['M-2026-0003']));
    expect(within(allDocuments()).getByText('Reminder 3')).toBeInTheDocument();
  });
});

describe('task pane: languages and theme', () => {
  it.each([
    ['de', 'Rechnungen', 'Für diese Nachricht', 'Rechnung 2026-0042 anhängen', 'Fällig am 10.02.2026'],
    ['fr', 'Factures', 'Pour ce message', 'Joindre la facture 2026-0042', 'Échéance 10.02.2026'],
    ['it', 'Fatture', 'Per questo messaggio', 'Allega la fattura 2026-0042', 'Scadenza 10.02.2026'],
    ['en', 'Invoices', 'For this message', 'Attach invoice 2026-0042', 'Due 10.02.2026'],
  ] as const)('speaks %s', async (language, tab, heading, attach, due) => {
    await renderPane(server, { language, compose: { to: [brunner] } });
    expect(screen.getByRole('tab', { name: tab })).toBeInTheDocument();
    const section = screen.getByRole('region', { name: heading });
    const row = (await within(section).findByRole('button', { name: attach })).closest('li')!;
    expect(within(row).getByText(due)).toBeInTheDocument();
    expect(within(row).getByText(swiss(language))).toBeInTheDocument();
  });

  it('groups amounts the Swiss way', async () => {
    await renderPane(server, { language: 'de', compose: { to: [brunner] } });
    const row = (await screen.findByRole('button', { name: 'Rechnung 2026-0042 anhängen' })).closest('li')!;
    expect(within(row).getByText(/^CHF 1.234\.50$/)).toBeInTheDocument();
  });

  it('follows a dark Office theme', () => {
    expect(isDarkBackground('#1f1f1f')).toBe(true);
    expect(isDarkBackground('#ffffff')).toBe(false);
    expect(isDarkBackground(undefined)).toBe(false);
  });
});
