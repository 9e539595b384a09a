import { base64OfZeroBytes, messageOfEncodedSize } from '../../test/support/message-at-size';
import { describeOversizeMessage } from './message-size-wording';
import {
  base64DecodedBytes,
  base64EncodedBytes,
  encodedMessageBytes,
  MAX_MESSAGE_BYTES,
  measureMessage,
  messageSizeVerdict,
} from './message-size';

const MiB = 1024 * 1024;
const invoice = {
  subject: 'Rechnung 2026-0042 – Müller & Söhne',
  html: '<p>Grüezi Herr Müller</p><p>Anbei die Rechnung.</p>',
  addresses: ['anna.keller@example.ch', 'max@example.org'],
};
const withPdf = (bytes: number) => ({ ...invoice, attachments: [{ name: 'Rechnung-2026-0042.pdf', bytes }] });

describe('the size of a message as IncaMail receives it', () => {
  it('counts base64 with a line break after every 76 characters', () => {
    expect(base64EncodedBytes(0)).toBe(0);
    expect(base64EncodedBytes(57)).toBe(78);
    expect(base64EncodedBytes(58)).toBe(80 + 4);
    expect(base64EncodedBytes(3 * MiB)).toBe(4 * MiB + 2 * Math.ceil((4 * MiB) / 76));
  });

  it('reads the decoded length of base64, padding included', () => {
    for (const bytes of [0, 1, 2, 3, 4, 100]) expect(base64DecodedBytes(base64OfZeroBytes(bytes))).toBe(bytes);
    expect(base64DecodedBytes(Buffer.from('Grüezi').toString('base64'))).toBe(Buffer.byteLength('Grüezi'));
  });

  it('refuses a message with a 25 MiB PDF, which a 30 MiB gateway refuses, and takes one with 21 MiB', () => {
    expect(messageSizeVerdict(encodedMessageBytes(withPdf(25 * MiB)))).toBe('exceeds');
    expect(messageSizeVerdict(encodedMessageBytes(withPdf(21 * MiB)))).toBe('fits');
  });

  it('takes a message of exactly the limit and refuses one byte more', () => {
    const sized = (target: number) => {
      const { extraRecipient, attachmentBytes } = messageOfEncodedSize(target, {
        ...invoice,
        attachmentName: 'Rechnung-2026-0042.pdf',
      });
      return { ...withPdf(attachmentBytes), addresses: [...invoice.addresses, extraRecipient] };
    };
    expect(encodedMessageBytes(sized(MAX_MESSAGE_BYTES))).toBe(MAX_MESSAGE_BYTES);
    expect(messageSizeVerdict(encodedMessageBytes(sized(MAX_MESSAGE_BYTES)))).toBe('fits');
    expect(encodedMessageBytes(sized(MAX_MESSAGE_BYTES + 1))).toBe(MAX_MESSAGE_BYTES + 1);
    expect(messageSizeVerdict(encodedMessageBytes(sized(MAX_MESSAGE_BYTES + 1)))).toBe('exceeds');
  });

  it('counts what grows in encoding: non-ASCII text, file names and every address', () => {
    const base = encodedMessageBytes(withPdf(1000));
    expect(encodedMessageBytes({ ...withPdf(1000), subject: `${invoice.subject}ü` })).toBeGreaterThan(base);
    expect(encodedMessageBytes({ ...withPdf(1000), html: `${invoice.html}é` })).toBeGreaterThan(base);
    expect(encodedMessageBytes({ ...withPdf(1000), addresses: [...invoice.addresses, 'a@b.ch'] })).toBeGreaterThan(
      base,
    );
  });

  it('names the attachment room this message leaves, close to the limit', () => {
    const { attachmentAllowanceBytes } = measureMessage(withPdf(26 * MiB));
    // 30 MiB of message leave about 21.9 MiB of files: base64 takes 4/3, line breaks 2 in 78.
    expect(attachmentAllowanceBytes / MiB).toBeCloseTo(21.9, 1);
    expect(messageSizeVerdict(encodedMessageBytes(withPdf(attachmentAllowanceBytes)))).toBe('fits');
    expect(messageSizeVerdict(encodedMessageBytes(withPdf(attachmentAllowanceBytes + 1024)))).toBe('exceeds');
  });

  it('tells the user in the sizes they see, in each language, never "22.0 of 22.0"', () => {
    const size = measureMessage(withPdf(26 * MiB));
    expect(describeOversizeMessage('en', size)).toBe(
      'Your attachments total 26.0 MB; IncaMail takes about 21.9 MB of attachments.',
    );
    expect(describeOversizeMessage('de', size)).toBe(
      'Ihre Anhänge umfassen 26.0 MB; IncaMail nimmt etwa 21.9 MB an Anhängen an.',
    );
    expect(describeOversizeMessage('fr', size)).toBe(
      'Vos pièces jointes font 26,0 Mo au total ; IncaMail accepte environ 21,9 Mo de pièces jointes.',
    );
    expect(describeOversizeMessage('it', size)).toBe(
      'I suoi allegati ammontano a 26.0 MB; IncaMail accetta circa 21.9 MB di allegati.',
    );
    const justOver = measureMessage(withPdf(size.attachmentAllowanceBytes + 1));
    const [total, allowance] = describeOversizeMessage('en', justOver)
      .match(/\d+\.\d/g)!
      .map(Number);
    expect(total).toBeGreaterThan(allowance!);
  });
});
