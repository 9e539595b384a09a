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

  it('refuses programs, Outlook items and cloud links', () => {
    const { problems } = checkOutgoingMessage(
      'registered',
      message({
        attachments: [
          { kind: 'file', name: 'Invoice.pdf', size: 3, contentBase64: btoa('%PDF-1.7') },
          { kind: 'file', name: 'setup.EXE', size: 3, contentBase64: 'AAAA' },
          { kind: 'unsupported', name: 'Meeting', reason: 'item' },
        ],
      }),
    );
    expect(problems).toEqual([
      { problem: 'unsupported-attachment', names: ['Meeting'] },
      { problem: 'dangerous-file', files: [{ name: 'setup.EXE', danger: { danger: 'name', extension: 'exe' } }] },
    ]);
  });

  it.each([
    ['x.exe.', 'AAAA', { danger: 'name', extension: 'exe' }],
    ['x.exe. .', 'AAAA', { danger: 'name', extension: 'exe' }],
    ['x.exe::$DATA', 'AAAA', { danger: 'name', extension: 'exe' }],
    ['x.exe\u200b', 'AAAA', { danger: 'name', extension: 'exe' }],
    ['x.exe\u0000', 'AAAA', { danger: 'name', extension: 'exe' }],
    ['Rechnung.one', 'AAAA', { danger: 'name', extension: 'one' }],
    ['Rechnung.pdf', btoa('MZ\x90\x00'), { danger: 'content', content: 'program' }],
    [
      'Rechnung.pdf',
      btoa('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
      { danger: 'content', content: 'page' },
    ],
  ] as const)('refuses %j before anything leaves Outlook', (name, contentBase64, danger) => {
    const attachments = [{ kind: 'file' as const, name, size: 3, contentBase64 }];
    expect(checkOutgoingMessage('registered', message({ attachments })).problems).toEqual([
      { problem: 'dangerous-file', files: [{ name, danger }] },
    ]);
  });

  it.each(['Rechnung 2026.pdf', 'report.exe.pdf', 'photo.jpeg', 'data.csv'])('lets %j go', (name) => {
    const attachments = [{ kind: 'file' as const, name, size: 8, contentBase64: btoa('%PDF-1.7') }];
    expect(checkOutgoingMessage('registered', message({ attachments })).problems).toEqual([]);
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
