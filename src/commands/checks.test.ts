import type { OutgoingMessage } from '../services/outgoing-message';
import { checkOutgoingMessage } from './checks';
import { contentTypeOf } from '../contract/content-types';

const message = (change: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  from: 'anna.keller@example.ch',
  to: ['max@example.org'],
  cc: [],
  bcc: [],
  subject: 'Invoice 2026-0042',
  html: '<p>Hello</p>',
  attachments: [],
  documentIds: [],
  ...change,
});

/** base64 of `bytes` zero bytes, without allocating them. */
const base64OfSize = (bytes: number) => 'A'.repeat(Math.ceil(bytes / 3) * 4);

describe('checks before a secure send', () => {
  it('passes an ordinary message', () => {
    expect(checkOutgoingMessage('registered', message())).toEqual({ problems: [], warnings: [] });
  });

  it('needs a recipient in To, Cc or Bcc', () => {
    expect(checkOutgoingMessage('confidential', message({ to: [] })).problems).toEqual([{ problem: 'no-recipients' }]);
    expect(checkOutgoingMessage('confidential', message({ to: [], bcc: ['a@b.ch'] })).problems).toEqual([]);
  });

  it('refuses executables, Outlook items and cloud links by name', () => {
    const { problems } = checkOutgoingMessage(
      'registered',
      message({
        attachments: [
          { kind: 'file', name: 'Invoice.pdf', size: 3, contentBase64: 'AAAA' },
          { kind: 'file', name: 'setup.EXE', size: 3, contentBase64: 'AAAA' },
          { kind: 'unsupported', name: 'Meeting', reason: 'item' },
        ],
      }),
    );
    expect(problems).toEqual([
      { problem: 'unsupported-attachment', names: ['Meeting'] },
      { problem: 'executable', names: ['setup.EXE'] },
    ]);
  });

  it('refuses more than 30 MB and warns above 10 MB for registered mail only', () => {
    const big = { kind: 'file' as const, name: 'scan.pdf', size: 0, contentBase64: base64OfSize(31 * 1024 * 1024) };
    expect(checkOutgoingMessage('confidential', message({ attachments: [big] })).problems[0]?.problem).toBe(
      'too-large',
    );
    const medium = { ...big, contentBase64: base64OfSize(11 * 1024 * 1024) };
    expect(checkOutgoingMessage('registered', message({ attachments: [medium] })).warnings[0]?.warning).toBe(
      'large-registered',
    );
    expect(checkOutgoingMessage('confidential', message({ attachments: [medium] })).warnings).toEqual([]);
  });

  it('names the content type of common attachments', () => {
    expect(contentTypeOf('Rechnung-2026-0042.PDF')).toBe('application/pdf');
    expect(contentTypeOf('notes')).toBe('application/octet-stream');
  });
});
