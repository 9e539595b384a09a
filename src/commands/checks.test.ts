import type { OutgoingMessage } from '../services/outgoing-message';
import { checkOutgoingMessage, largeRegisteredWarning } from './checks';
import { contentTypeOf } from '../contract/content-types';
import { MAX_UNMARKED_SUBJECT_LENGTH } from '../contract/marking';
import { MAX_MESSAGE_BYTES, REGISTERED_WARN_BYTES } from '../contract/message-size';
import { base64OfZeroBytes, messageOfEncodedSize } from '../../test/support/message-at-size';

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

const MiB = 1024 * 1024;
const withFile = (bytes: number, change: Partial<OutgoingMessage> = {}) =>
  message({
    attachments: [{ kind: 'file', name: 'scan.pdf', size: bytes, contentBase64: base64OfZeroBytes(bytes) }],
    ...change,
  });

/** A message whose size as IncaMail receives it is exactly `target` bytes. */
function messageOfSize(target: number): OutgoingMessage {
  const base = message();
  const { extraRecipient, attachmentBytes } = messageOfEncodedSize(target, {
    subject: base.subject,
    html: base.html,
    addresses: [base.from, ...base.to],
    attachmentName: 'scan.pdf',
  });
  return withFile(attachmentBytes, { cc: [extraRecipient] });
}

describe('checks before a secure send', () => {
  it('names the addresses that are not e-mail addresses, before the bridge sees them', () => {
    const problems = checkOutgoingMessage(
      message({ to: ['keine-adresse', 'max@example.org'], bcc: ['lea@example'] }),
    ).problems;
    expect(problems).toEqual([{ problem: 'bad-address', addresses: ['keine-adresse', 'lea@example'] }]);
  });

  it('refuses an empty subject, and one that the marking would cut, at the limit and one over', () => {
    expect(checkOutgoingMessage(message({ subject: '  ' })).problems).toEqual([{ problem: 'no-subject' }]);
    const atLimit = 'S'.repeat(MAX_UNMARKED_SUBJECT_LENGTH);
    expect(checkOutgoingMessage(message({ subject: atLimit })).problems).toEqual([]);
    expect(checkOutgoingMessage(message({ subject: `${atLimit}S` })).problems).toEqual([
      { problem: 'subject-too-long', length: MAX_UNMARKED_SUBJECT_LENGTH + 1, max: MAX_UNMARKED_SUBJECT_LENGTH },
    ]);
    // A subject the user already marked keeps its marking: only the rest counts.
    expect(checkOutgoingMessage(message({ subject: `<r>${atLimit}` })).problems).toEqual([]);
  });

  it('passes an ordinary message', () => {
    expect(checkOutgoingMessage(message()).problems).toEqual([]);
  });

  it('needs a recipient in To, Cc or Bcc', () => {
    expect(checkOutgoingMessage(message({ to: [] })).problems).toEqual([{ problem: 'no-recipients' }]);
    expect(checkOutgoingMessage(message({ to: [], bcc: ['a@b.ch'] })).problems).toEqual([]);
  });

  it('refuses programs, Outlook items and cloud links', () => {
    const { problems } = checkOutgoingMessage(
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
    expect(checkOutgoingMessage(message({ attachments })).problems).toEqual([
      { problem: 'dangerous-file', files: [{ name, danger }] },
    ]);
  });

  it.each(['Rechnung 2026.pdf', 'report.exe.pdf', 'photo.jpeg', 'data.csv'])('lets %j go', (name) => {
    const attachments = [{ kind: 'file' as const, name, size: 8, contentBase64: btoa('%PDF-1.7') }];
    expect(checkOutgoingMessage(message({ attachments })).problems).toEqual([]);
  });

  it('takes a message of exactly 30 MB as IncaMail counts it and refuses one byte more', () => {
    expect(checkOutgoingMessage(messageOfSize(MAX_MESSAGE_BYTES)).problems).toEqual([]);
    expect(checkOutgoingMessage(messageOfSize(MAX_MESSAGE_BYTES + 1)).problems).toEqual([
      { problem: 'too-large', size: expect.objectContaining({ encodedBytes: MAX_MESSAGE_BYTES + 1 }) },
    ]);
  });

  it('counts attachments base64-encoded: 25 MiB of PDF is too large, and says how much fits', () => {
    const [problem] = checkOutgoingMessage(withFile(25 * MiB)).problems;
    expect(problem).toEqual({
      problem: 'too-large',
      size: expect.objectContaining({ attachmentBytes: 25 * MiB }),
    });
    const allowance = problem?.problem === 'too-large' ? problem.size.attachmentAllowanceBytes : 0;
    expect(allowance / MiB).toBeCloseTo(21.9, 1);
    expect(checkOutgoingMessage(withFile(allowance)).problems).toEqual([]);
  });

  it('warns about registered mail over the advised size as the bridge gives it, not at it, nor about other modes', () => {
    const at = checkOutgoingMessage(messageOfSize(REGISTERED_WARN_BYTES));
    expect(at.problems).toEqual([]);
    expect(at.size.encodedBytes).toBe(REGISTERED_WARN_BYTES);
    expect(largeRegisteredWarning('registered', at.size, REGISTERED_WARN_BYTES)).toBeUndefined();
    const over = checkOutgoingMessage(messageOfSize(REGISTERED_WARN_BYTES + 1));
    expect(over.problems).toEqual([]);
    expect(largeRegisteredWarning('registered', over.size, REGISTERED_WARN_BYTES)).toEqual({
      warning: 'large-registered',
      bytes: REGISTERED_WARN_BYTES + 1,
      adviceBytes: REGISTERED_WARN_BYTES,
    });
    expect(largeRegisteredWarning('confidential', over.size, REGISTERED_WARN_BYTES)).toBeUndefined();
    // The bridge's policy decides, not the add-in's copy of the number.
    expect(largeRegisteredWarning('registered', at.size, REGISTERED_WARN_BYTES - 1)).toBeDefined();
  });

  it('names the content type of common attachments', () => {
    expect(contentTypeOf('Rechnung-2026-0042.PDF')).toBe('application/pdf');
    expect(contentTypeOf('notes')).toBe('application/octet-stream');
  });
});
