import { zipSync } from 'fflate';
import { bytesSource } from './byte-source.js';
import { MAX_MESSAGE_BYTES, REGISTERED_WARN_BYTES, type MessageSize } from './message-size.js';
import {
  evaluateSend,
  markingOf,
  type GuardAttachment,
  type GuardDocument,
  type GuardInput,
  type GuardReason,
} from './send-guard.js';

const text = (value: string) => new TextEncoder().encode(value);
const pdf = (name: string): GuardAttachment => ({ name, content: bytesSource(text('%PDF-1.7\n')) });
const size = (encodedBytes: number): MessageSize => ({
  encodedBytes,
  attachmentBytes: Math.floor(encodedBytes * 0.7),
  attachmentAllowanceBytes: 22_000_000,
});
const doc = (overrides: Partial<GuardDocument> = {}): GuardDocument => ({
  id: 'rem-42-3',
  number: 'M-2026-0042-3',
  kind: 'reminder',
  level: 3,
  status: 'overdue',
  ...overrides,
});

/** What LedgerMail's Registered button leaves on a mailbox-route draft: consistent, allowed, small. */
const marked = (overrides: Partial<GuardInput> = {}): GuardInput => ({
  route: 'mailbox',
  subject: '<r>Rechnung 2026-0042',
  recipients: {
    to: ['buchhaltung@brunner-baeckerei.ch.incamail.ch'],
    cc: ['lea.brunner@brunner-baeckerei.ch.incamail.ch'],
    bcc: [],
  },
  recipientSuffix: '.incamail.ch',
  marking: { mode: 'registered' },
  allowedModes: ['registered', 'confidential', 'personal'],
  attachments: [pdf('Rechnung-2026-0042.pdf')],
  size: size(400_000),
  registeredWarnBytes: REGISTERED_WARN_BYTES,
  documents: [],
  policy: { level3Registered: true },
  ...overrides,
});

/** Addresses of `marked()` with the suffix as some clients write it back. */
function upper() {
  return {
    to: ['buchhaltung@brunner-baeckerei.ch.IncaMail.CH'],
    cc: ['lea.brunner@brunner-baeckerei.ch.INCAMAIL.CH'],
    bcc: [],
  };
}

/** Ordinary mail: nothing of IncaMail, nothing of LedgerMail. */
const plain = (overrides: Partial<GuardInput> = {}): GuardInput =>
  marked({
    subject: 'Znüni am Freitag',
    recipients: { to: ['team@brunner-baeckerei.ch'], cc: [], bcc: [] },
    marking: undefined,
    ...overrides,
  });

const reasonsOf = (input: GuardInput): GuardReason[] => {
  const decision = evaluateSend(input);
  return decision.action === 'allow' ? [] : decision.reasons;
};
const tagsOf = (input: GuardInput) => reasonsOf(input).map((r) => r.reason);

describe('the send guard on ordinary mail', () => {
  it('allows it whatever it carries, on both routes, whether or not the bridge answers', () => {
    for (const route of ['mailbox', 'relay'] as const) {
      for (const documents of [[], 'unavailable'] as const) {
        const input = plain({
          route,
          documents,
          size: size(MAX_MESSAGE_BYTES * 2),
          attachments: [{ name: 'setup.exe', content: bytesSource(text('MZ')) }],
          allowedModes: [],
        });
        expect(evaluateSend(input), `${route}, ${String(documents)}`).toEqual({ action: 'allow' });
      }
    }
  });

  it('does not take a prefix or suffix in the middle for a marking', () => {
    const input = plain({
      subject: 'Re: <r> as discussed',
      recipients: { to: ['x@incamail.ch', 'y@example.org.incamail.ch.other.org'], cc: [], bcc: [] },
    });
    expect(markingOf(input)).toEqual({ marked: 'no' });
    expect(evaluateSend(input)).toEqual({ action: 'allow' });
  });
});

describe('a message LedgerMail marked on the mailbox route', () => {
  it('goes as it is when prefix, suffixes and mode agree', () => {
    expect(evaluateSend(marked())).toEqual({ action: 'allow' });
    expect(evaluateSend(marked({ subject: '<R>Rechnung', recipients: upper() }))).toEqual({ action: 'allow' });
    expect(evaluateSend(marked({ subject: '  <r> Rechnung' }))).toEqual({ action: 'allow' });
  });

  it('is blocked when the prefix was removed, naming the mode that was chosen', () => {
    expect(evaluateSend(marked({ subject: 'Rechnung 2026-0042', documents: 'unavailable' }))).toEqual({
      action: 'block',
      reasons: [{ reason: 'prefix-removed', mode: 'registered' }],
    });
    expect(reasonsOf(marked({ subject: 'r> Rechnung', marking: { mode: 'personal' } }))).toEqual([
      { reason: 'prefix-removed', mode: 'personal' },
    ]);
  });

  it('is blocked when the subject now asks for another mode', () => {
    expect(reasonsOf(marked({ subject: '<c>Rechnung' }))).toEqual([
      { reason: 'prefix-changed', mode: 'registered', subjectMode: 'confidential' },
    ]);
  });

  it('is blocked by recipients added without the suffix, listing them from To, Cc and Bcc', () => {
    const recipients = {
      to: ['buchhaltung@brunner-baeckerei.ch.incamail.ch', 'chef@brunner-baeckerei.ch'],
      cc: ['treuhand@example.ch'],
      bcc: ['archiv@ledgermail.example'],
    };
    expect(evaluateSend(marked({ recipients, documents: 'unavailable' }))).toEqual({
      action: 'block',
      reasons: [
        {
          reason: 'unsuffixed-recipients',
          addresses: ['chef@brunner-baeckerei.ch', 'treuhand@example.ch', 'archiv@ledgermail.example'],
        },
      ],
    });
  });

  it('counts a suffix in any letter case, and only the configured suffix', () => {
    expect(tagsOf(marked({ recipients: upper() }))).toEqual([]);
    const gateway = { to: ['a@example.org.gateway.test'], cc: ['b@example.org.incamail.ch'], bcc: [] };
    expect(reasonsOf(marked({ recipients: gateway, recipientSuffix: '.gateway.test' }))).toEqual([
      { reason: 'unsuffixed-recipients', addresses: ['b@example.org.incamail.ch'] },
    ]);
    // The suffix alone is no marked address: nothing stands in front of it.
    const bare = { to: ['.incamail.ch'], cc: [], bcc: [] };
    expect(tagsOf(marked({ recipients: bare }))).toEqual(['unsuffixed-recipients']);
  });

  it('is blocked when the policy no longer allows the chosen mode, or the one the subject asks for', () => {
    expect(reasonsOf(marked({ allowedModes: ['confidential'] }))).toEqual([
      { reason: 'mode-not-allowed', mode: 'registered' },
    ]);
    expect(reasonsOf(marked({ subject: '<p>Rechnung', allowedModes: ['registered'] }))).toEqual([
      { reason: 'prefix-changed', mode: 'registered', subjectMode: 'personal' },
      { reason: 'mode-not-allowed', mode: 'personal' },
    ]);
    expect(tagsOf(marked({ allowedModes: ['registered'] }))).toEqual([]);
  });
});

describe('a message marked by hand', () => {
  it('goes on the mailbox route when it is consistent, and is held to the same rules', () => {
    const hand = marked({ marking: undefined });
    expect(markingOf(hand)).toEqual({ marked: 'hand', mode: 'registered' });
    expect(evaluateSend(hand)).toEqual({ action: 'allow' });
    const unsuffixed = { to: ['buchhaltung@brunner-baeckerei.ch'], cc: [], bcc: [] };
    expect(reasonsOf(marked({ marking: undefined, recipients: unsuffixed }))).toEqual([
      { reason: 'unsuffixed-recipients', addresses: ['buchhaltung@brunner-baeckerei.ch'] },
    ]);
  });

  it('without a prefix counts as confidential, as IncaMail sends it', () => {
    const input = marked({ marking: undefined, subject: 'Rechnung', allowedModes: ['registered'] });
    expect(markingOf(input)).toEqual({ marked: 'hand', mode: undefined });
    expect(reasonsOf(input)).toEqual([{ reason: 'mode-not-allowed', mode: 'confidential' }]);
    expect(tagsOf({ ...input, allowedModes: ['confidential'] })).toEqual([]);
  });

  it('is blocked on the relay route, by a typed prefix in any case or by one suffixed address', () => {
    const relay = (overrides: Partial<GuardInput>) => plain({ route: 'relay', ...overrides });
    expect(evaluateSend(relay({ subject: '<R>Rechnung' }))).toEqual({
      action: 'block',
      reasons: [{ reason: 'marked-by-hand-on-relay', mode: 'registered' }],
    });
    const oneSuffixed = { to: ['team@brunner-baeckerei.ch'], cc: [], bcc: ['x@example.org.INCAMAIL.CH'] };
    expect(reasonsOf(relay({ recipients: oneSuffixed }))).toEqual([
      { reason: 'marked-by-hand-on-relay', mode: undefined },
    ]);
  });

  it('on the relay route ignores a stored marking that the message no longer shows', () => {
    const input = plain({ route: 'relay', marking: { mode: 'registered' } });
    expect(markingOf(input)).toEqual({ marked: 'no' });
    expect(evaluateSend(input)).toEqual({ action: 'allow' });
    // The same item on the mailbox route is LedgerMail's marking, undone behind its back: fail closed.
    expect(tagsOf({ ...input, route: 'mailbox' })).toEqual(['prefix-removed', 'unsuffixed-recipients']);
  });
});

describe("IncaMail's limits on a marked message", () => {
  it('block above 30 MB as IncaMail counts it, and let exactly 30 MB go', () => {
    const confidential = { subject: '<c>Offerte', marking: { mode: 'confidential' as const } };
    expect(tagsOf(marked({ ...confidential, size: size(MAX_MESSAGE_BYTES) }))).toEqual([]);
    expect(reasonsOf(marked({ ...confidential, size: size(MAX_MESSAGE_BYTES + 1) }))).toEqual([
      { reason: 'too-large', size: size(MAX_MESSAGE_BYTES + 1), maxBytes: MAX_MESSAGE_BYTES },
    ]);
  });

  it('warn about registered mail above the advice, not at it, and not about confidential mail', () => {
    const advice = 8_000_000;
    expect(evaluateSend(marked({ registeredWarnBytes: advice, size: size(advice) }))).toEqual({ action: 'allow' });
    expect(evaluateSend(marked({ registeredWarnBytes: advice, size: size(advice + 1) }))).toEqual({
      action: 'warn',
      reasons: [{ reason: 'large-registered', encodedBytes: advice + 1, adviceBytes: advice }],
    });
    const confidential = marked({ subject: '<c>Offerte', marking: { mode: 'confidential' }, size: size(advice + 1) });
    expect(tagsOf({ ...confidential, registeredWarnBytes: advice })).toEqual([]);
    // Over 30 MB the refusal says it all: no advice beside it.
    expect(tagsOf(marked({ size: size(MAX_MESSAGE_BYTES + 1) }))).toEqual(['too-large']);
  });

  const exe = { danger: 'name', extension: 'exe' };
  it.each([
    ['a second extension', 'invoice.pdf.exe', text('%PDF-1.7'), exe],
    ['a blank before the extension', 'invoice.pdf .exe', text('%PDF-1.7'), exe],
    ['trailing dots and blanks', 'invoice.exe. .', text('%PDF-1.7'), exe],
    ['a right-to-left override', 'Rechnung\u202efdp.exe', text('%PDF-1.7'), exe],
    ['an NTFS stream', 'invoice.pdf:payload.exe', text('%PDF-1.7'), exe],
    [
      'a PE header in a .pdf',
      'invoice.pdf',
      Uint8Array.of(0x4d, 0x5a, 0x90, 0x00),
      { danger: 'content', content: 'program' },
    ],
    ['a web page in a .pdf', 'invoice.pdf', text('<!DOCTYPE html><html>'), { danger: 'content', content: 'page' }],
    [
      'a script in a ZIP',
      'Belege.zip',
      zipSync({ 'Rechnung.pdf.js': text('1') }),
      { danger: 'archive-member', member: 'Rechnung.pdf.js' },
    ],
  ])('block a disguised program: %s', (_case, name, bytes, danger) => {
    const attachments = [pdf('Rechnung-2026-0042.pdf'), { name, content: bytesSource(bytes) }];
    expect(evaluateSend(marked({ attachments }))).toEqual({
      action: 'block',
      reasons: [{ reason: 'dangerous-file', files: [{ name, danger }] }],
    });
  });

  it('let documents through whose names only look alarming, and judge files without content by name', () => {
    const attachments: GuardAttachment[] = [
      pdf('report.exe.pdf'),
      pdf('Offerte .pdf'),
      { name: 'Belege.zip', content: bytesSource(zipSync({ 'a.pdf': text('%PDF') })) },
      { name: 'Rechnung.pdf', contentType: 'application/pdf' },
    ];
    expect(evaluateSend(marked({ attachments }))).toEqual({ action: 'allow' });
    const unread: GuardAttachment[] = [
      { name: 'Rechnung.pdf', contentType: 'application/x-msdownload' },
      { name: 'Belege.zip' },
    ];
    expect(reasonsOf(marked({ attachments: unread }))).toEqual([
      {
        reason: 'dangerous-file',
        files: [
          { name: 'Rechnung.pdf', danger: { danger: 'content-type', contentType: 'application/x-msdownload' } },
          { name: 'Belege.zip', danger: { danger: 'unreadable-archive' } },
        ],
      },
    ]);
  });

  it('apply on the relay route too, beside the reason to use the buttons', () => {
    const input = plain({ route: 'relay', subject: '<r>Rechnung', size: size(MAX_MESSAGE_BYTES + 1) });
    expect(tagsOf(input)).toEqual(['marked-by-hand-on-relay', 'too-large']);
  });
});

describe('the documents a message carries', () => {
  it('block what was paid or cancelled since it was attached, on any mail', () => {
    const documents = [
      doc({ number: 'R-2026-0042', kind: 'invoice', level: null, status: 'paid' }),
      doc({ number: 'M-2026-0040-1', level: 1, status: 'cancelled' }),
      doc({ number: 'M-2026-0041-2', level: 2, status: 'paid' }),
      doc({ number: 'R-2026-0043', kind: 'invoice', level: null, status: 'open' }),
    ];
    expect(evaluateSend(plain({ documents }))).toEqual({
      action: 'block',
      reasons: [
        { reason: 'paid-since-attached', numbers: ['R-2026-0042', 'M-2026-0041-2'] },
        { reason: 'cancelled-since-attached', numbers: ['M-2026-0040-1'] },
      ],
    });
    const twice = [doc({ status: 'paid' }), doc({ status: 'paid' })];
    expect(reasonsOf(plain({ documents: twice, policy: { level3Registered: false } }))).toEqual([
      { reason: 'paid-since-attached', numbers: ['M-2026-0042-3'] },
    ]);
    for (const status of ['draft', 'open', 'overdue'] as const) {
      expect(tagsOf(plain({ documents: [doc({ level: 2, status })] })), status).toEqual([]);
    }
  });

  it('send a level-3 reminder registered only, when the policy asks for it', () => {
    const documents = [doc(), doc({ number: 'M-2026-0044-2', level: 2 })];
    const expected = [{ reason: 'level3-needs-registered', numbers: ['M-2026-0042-3'] }];
    expect(reasonsOf(plain({ documents }))).toEqual(expected);
    expect(reasonsOf(marked({ documents, subject: '<c>Mahnung', marking: { mode: 'confidential' } }))).toEqual(
      expected,
    );
    expect(tagsOf(marked({ documents }))).toEqual([]);
    expect(tagsOf(plain({ documents, policy: { level3Registered: false } }))).toEqual([]);
    expect(tagsOf(plain({ documents: [doc({ level: 2 })] }))).toEqual([]);
    expect(tagsOf(plain({ documents: [doc({ kind: 'invoice', level: 3 })] }))).toEqual([]);
  });

  it('count as registered only what reaches every recipient registered through the mailbox route', () => {
    const documents = [doc()];
    // A removed prefix sends it confidential, a recipient without the suffix gets plain mail.
    expect(tagsOf(marked({ documents, subject: 'Mahnung' }))).toEqual(['prefix-removed', 'level3-needs-registered']);
    const recipients = { to: ['buchhaltung@brunner-baeckerei.ch.incamail.ch'], cc: ['chef@example.ch'], bcc: [] };
    expect(tagsOf(marked({ documents, recipients }))).toEqual(['unsuffixed-recipients', 'level3-needs-registered']);
    // Through Send on the relay route, nothing goes registered: that is the Registered button's job.
    expect(tagsOf(marked({ documents, route: 'relay' }))).toEqual([
      'marked-by-hand-on-relay',
      'level3-needs-registered',
    ]);
  });

  it('step aside when the bridge could not be asked, while the marking checks still block', () => {
    expect(evaluateSend(plain({ documents: 'unavailable' }))).toEqual({ action: 'allow' });
    expect(evaluateSend(marked({ documents: 'unavailable' }))).toEqual({ action: 'allow' });
    expect(evaluateSend(marked({ documents: 'unavailable', subject: 'Mahnung', allowedModes: [] }))).toEqual({
      action: 'block',
      reasons: [
        { reason: 'prefix-removed', mode: 'registered' },
        { reason: 'mode-not-allowed', mode: 'registered' },
      ],
    });
  });
});

describe('several reasons', () => {
  it('are all reported, most harmful first, and a block wins over a warning', () => {
    const input = marked({
      subject: '<c>Mahnung',
      recipients: { to: ['chef@example.ch'], cc: [], bcc: [] },
      allowedModes: ['registered'],
      attachments: [{ name: 'Mahnung.pdf.exe' }],
      size: size(REGISTERED_WARN_BYTES + 1),
      documents: [doc({ status: 'paid' })],
    });
    expect(tagsOf(input)).toEqual([
      'prefix-changed',
      'unsuffixed-recipients',
      'mode-not-allowed',
      'paid-since-attached',
      'level3-needs-registered',
      'dangerous-file',
      'large-registered',
    ]);
    expect(evaluateSend(input).action).toBe('block');
  });
});
