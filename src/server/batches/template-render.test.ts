import { BatchRequestSchema, unknownPlaceholders } from '../../contract/batches.schemas.js';
import { formatLongDate, formatMoney } from '../../contract/swiss-format.js';
import { escapeHtml, placeholderValues, renderMessage } from './template-render.js';

const reminder = {
  customer: { id: 'cus-1', name: 'Müller & <Söhne>\r\nBcc: x@evil.example', email: 'a@b.example', language: 'fr' },
  number: '2026-0042-3',
  total: 12345.5,
  openAmount: 12315.5,
  fee: 30,
  currency: 'CHF',
  dueDate: '2026-04-05',
  issueDate: '2026-03-01',
  level: 3,
} as const;

describe('reminder templates', () => {
  it('formats amounts and dates as each language region writes them', () => {
    // CLDR versions differ on the Swiss thousands mark (' or ’); the order and decimals do not.
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatMoney(12345.5, 'CHF', 'de'))).toMatch(/^CHF 12['’]345\.50$/);
    expect(plain(formatMoney(12345.5, 'CHF', 'fr'))).toMatch(/^12 345[.,]50 CHF$/);
    expect(plain(formatMoney(30, 'EUR', 'it'))).toBe('EUR 30.00');
    expect(formatLongDate('2026-04-05', 'de')).toBe('5. April 2026');
    expect(formatLongDate('2026-04-05', 'fr')).toBe('5 avril 2026');
    expect(formatLongDate('2026-04-05', 'it')).toBe('5 aprile 2026');
    expect(formatLongDate('2026-01-01', 'en')).toBe('1 January 2026');
  });

  it('escapes values in the HTML body and keeps line breaks out of the subject', () => {
    const values = placeholderValues(reminder, '2026-0042', 'fr');
    const message = renderMessage(
      { subject: 'Rappel {number} – {customerName}', html: '<p>Bonjour {customerName}, facture {invoiceNumber}</p>' },
      values,
    );
    expect(message.html).toBe('<p>Bonjour Müller &amp; &lt;Söhne&gt;\r\nBcc: x@evil.example, facture 2026-0042</p>');
    expect(message.subject).toBe('Rappel 2026-0042-3 – Müller & <Söhne> Bcc: x@evil.example');
    expect(values).toMatchObject({ level: '3', currency: 'CHF', dueDate: '5 avril 2026' });
    expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
  });

  it('rejects a template naming an unknown placeholder and leaves other braces alone', () => {
    expect(unknownPlaceholders('Mahnung {nummer} {number} {1} { customerName }')).toEqual(['nummer']);
    const parsed = BatchRequestSchema.safeParse({
      documentIds: ['rem-1'],
      templates: { de: { subject: 'Mahnung {nummer}', html: '' } },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('{nummer}');
    const valid = BatchRequestSchema.parse({
      documentIds: ['rem-1'],
      templates: { de: { subject: 'Mahnung {number}', html: '' } },
    });
    expect(valid.modeByLevel).toEqual({ '1': 'confidential', '2': 'confidential', '3': 'registered' });
  });
});
