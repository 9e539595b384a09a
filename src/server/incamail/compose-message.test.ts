import { randomBytes } from 'node:crypto';
import { encodedMessageBytes } from '../../contract/message-size.js';
import { markMessage } from '../../contract/marking.js';
import { openMimeStream, type MarkedMessage } from './compose-message.js';

type Draft = Pick<MarkedMessage, 'from' | 'subject' | 'to' | 'cc' | 'bcc' | 'html'> & {
  attachments: { name: string; content: Buffer }[];
};

/** The message exactly as the bridge submits it: marked, composed by nodemailer, counted byte by byte. */
async function composedBytes(draft: Draft): Promise<number> {
  const marked = markMessage(
    { subject: draft.subject, recipients: { to: draft.to, cc: draft.cc, bcc: draft.bcc } },
    'registered',
    '.incamail.ch',
  );
  const stream = openMimeStream({
    ...draft,
    ...marked.recipients,
    subject: marked.subject,
    messageId: '<0f8fad5b-d9cb-469f-a165-70867728950e.ledgermail@example.ch>',
    sizeBytes: 0,
    attachments: draft.attachments.map((a) => ({ ...a, contentType: 'application/pdf' })),
  });
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

const estimateOf = (draft: Draft) =>
  encodedMessageBytes({
    subject: draft.subject,
    html: draft.html,
    addresses: [draft.from, ...draft.to, ...draft.cc, ...draft.bcc],
    attachments: draft.attachments.map((a) => ({ name: a.name, bytes: a.content.length })),
  });

const plain: Draft = {
  from: 'anna.keller@example.ch',
  to: ['max@example.org'],
  cc: [],
  bcc: [],
  subject: 'Invoice 2026-0042',
  html: '<p>Dear Max,</p><p>please find the invoice attached.</p>',
  attachments: [],
};

describe('the size estimate against the message nodemailer composes', () => {
  it.each([
    ['a short text message', plain],
    [
      'Swiss German text, umlauts in subject and file names, several recipients',
      {
        ...plain,
        subject: 'Rechnung 2026-0042 – Müller & Söhne, Zürich: Mahnung für «Bäckerei»',
        to: ['max@example.org', 'brigitte.muehlemann@gaertnerei-muehlemann.ch'],
        cc: ['lea@example.ch'],
        bcc: ['archive@example.ch'],
        html: `<p>Grüezi Frau Mühlemann</p>${'<p>Für Ihre Bestellung danken wir Ihnen herzlich. Zahlbar in 30 Tagen.</p>'.repeat(200)}`,
        attachments: [
          { name: 'Rechnung-2026-0042-Gärtnerei.pdf', content: randomBytes(100_001) },
          { name: 'Beilage ä ö ü.pdf', content: randomBytes(2) },
        ],
      },
    ],
    ['a body of non-Latin text (base64)', { ...plain, html: `<p>${'Счёт на оплату №42 '.repeat(500)}</p>` }],
    ['a body of bytes that quoted-printable escapes', { ...plain, html: `<p>Total${' €ü'.repeat(3000)}</p>` }],
  ])('never counts less than the composed message: %s', async (_name, draft) => {
    expect(estimateOf(draft)).toBeGreaterThanOrEqual(await composedBytes(draft));
  });

  it('stays within 1% of a message near the limit, so it refuses nothing IncaMail would take by much', async () => {
    const draft = { ...plain, attachments: [{ name: 'Scan.pdf', content: randomBytes(5 * 1024 * 1024 + 7) }] };
    const composed = await composedBytes(draft);
    expect(estimateOf(draft)).toBeGreaterThanOrEqual(composed);
    expect(estimateOf(draft)).toBeLessThan(composed * 1.01);
  });
});
