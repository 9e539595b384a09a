import { BatchRequestSchema, unknownPlaceholders } from './batches.schemas.js';
import { placeholderValues, renderTemplate, type MessageFacts, type ReminderFacts } from './reminder-message.js';

const company = { name: 'Alpenglut Werkstätten AG', signature: ['Alpenglut Werkstätten AG', '3011 Bern'] };
const reminder = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  number: '2026-0042-3',
  level: 3,
  status: 'open',
  currency: 'CHF',
  openAmount: 3151.55,
  fee: 30,
  dueDate: '2026-04-05',
  invoice: { number: '2026-0042', issueDate: '2026-01-10', dueDate: '2026-02-09', total: 5252.6 },
  ...over,
});
const facts = (reminders: ReminderFacts[], over: Partial<MessageFacts> = {}): MessageFacts => ({
  customerName: 'Horlogerie Favre SA',
  language: 'fr',
  reminders,
  company,
  ...over,
});

describe('reminder message values', () => {
  it('asks for what the QR-bill asks (open amount plus fee), by the reminder’s own deadline', () => {
    const values = placeholderValues(facts([reminder()]));
    expect(values.amountDue).toBe('3\u00a0181.55\u00a0CHF');
    expect(values.invoiceTotal).toBe('5\u00a0252.60\u00a0CHF');
    expect(values.openAmount).toBe('3\u00a0151.55\u00a0CHF');
    expect(values.fee).toBe('30.00\u00a0CHF');
    expect(values.payBy).toBe('05.04.2026');
    expect(values.title).toBe('3e et dernier rappel');
    expect(values.invoiceDueDate).toBe('09.02.2026');
  });

  it('adds the amounts of a customer’s reminders, names the earliest deadline and lists each one', () => {
    const second = reminder({
      number: '2026-0050-1',
      level: 1,
      openAmount: 100.05,
      fee: 0,
      dueDate: '2026-04-03',
      invoice: { number: '2026-0050', issueDate: '2026-02-01', dueDate: '2026-03-03', total: 100.05 },
    });
    const values = placeholderValues(facts([reminder(), second], { language: 'de' }));
    expect(values.amountDue).toBe('CHF\u00a03’281.60');
    expect(values.payBy).toBe('03.04.2026');
    expect(values.number).toBe('2026-0042-3, 2026-0050-1');
    // The highest level decides the title: the message is as firm as its firmest reminder.
    expect(values.title).toBe('3. und letzte Mahnung');
    expect(values.documentList.split('\n')).toEqual([
      '– 3. und letzte Mahnung 2026-0042-3 (Rechnung 2026-0042): CHF\u00a03’181.55, zahlbar bis 05.04.2026',
      '– Zahlungserinnerung 2026-0050-1 (Rechnung 2026-0050): CHF\u00a0100.05, zahlbar bis 03.04.2026',
    ]);
  });

  it('refuses to add amounts of two currencies', () => {
    expect(() => placeholderValues(facts([reminder(), reminder({ currency: 'EUR' })]))).toThrow('one currency');
  });
});

describe('rendering a template', () => {
  const hostile = placeholderValues(facts([reminder()], { customerName: 'Müller & <Söhne>\r\nBcc: x@evil.example' }));

  it('writes paragraphs and line breaks, escapes values and the template’s own text in the HTML', () => {
    const message = renderTemplate(
      { subject: '{title} {number}', body: 'Bonjour {customerName} <b>\n\n{signature}' },
      hostile,
    );
    expect(message.html).toBe(
      '<p>Bonjour Müller &amp; &lt;Söhne&gt;<br>\nBcc: x@evil.example &lt;b&gt;</p>\n' +
        '<p>Alpenglut Werkstätten AG<br>\n3011 Bern</p>',
    );
    expect(message.text).toBe(
      'Bonjour Müller & <Söhne>\nBcc: x@evil.example <b>\n\nAlpenglut Werkstätten AG\n3011 Bern',
    );
  });

  it('keeps line breaks out of the subject, a header', () => {
    const message = renderTemplate({ subject: 'Rappel {number} – {customerName}', body: 'x' }, hostile);
    expect(message.subject).toBe('Rappel 2026-0042-3 – Müller & <Söhne>, Bcc: x@evil.example');
    expect(message.subject).not.toMatch(/[\r\n]/);
  });

  it('rejects a template naming an unknown placeholder, or an old one, and leaves other braces alone', () => {
    expect(unknownPlaceholders('Mahnung {nummer} {number} {1} { customerName }')).toEqual(['nummer']);
    const request = (subject: string, body = 'Guten Tag') => ({
      documentIds: ['rem-1'],
      templates: { de: { '1': { subject, body } } },
    });
    const parsed = BatchRequestSchema.safeParse(request('Mahnung {nummer}'));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('{nummer}');
    // `{amount}` (the invoice total) is gone: a reminder asks for `{amountDue}` or names `{invoiceTotal}`.
    expect(BatchRequestSchema.safeParse(request('x', 'Bitte zahlen Sie {amount}')).success).toBe(false);
    expect(BatchRequestSchema.safeParse(request('x', '  \n ')).success).toBe(false);
    const valid = BatchRequestSchema.parse(request('Mahnung {number}'));
    expect(valid.modeByLevel).toEqual({ '1': 'confidential', '2': 'confidential', '3': 'registered' });
    expect(valid.grouping).toBe('per-customer');
  });
});
