import type { ErrorCode } from '../contract/errors';
import type { FileDanger } from '../contract/file-rule';
import { MAX_MESSAGE_BYTES, REGISTERED_WARN_BYTES } from '../contract/message-size';
import { SECURE_MODES } from '../contract/modes';
import type { SendRecord } from '../contract/sends.schemas';
import { refusedRecipientsOf } from '../services/earlier-send';
import { commandStrings } from './strings';

/** What the command hands its texts: the start of the send's id as the reference, a long customer address. */
const REFERENCE = '0f8fad5b';
const REFUSED = 'buchhaltung@brunner-baeckerei.ch.incamail.ch';
const AT = '2026-12-03T13:05:00.000Z';
/** Every reason the file rule gives, with long but ordinary names in it. */
const DANGERS: FileDanger[] = [
  { danger: 'name', extension: 'application' },
  { danger: 'content-type', contentType: 'application/x-msdownload' },
  { danger: 'content', content: 'program' },
  { danger: 'content', content: 'script' },
  { danger: 'content', content: 'page' },
  { danger: 'archive-member', member: 'Belege/Rechnung-2026-0042.pdf.exe' },
  { danger: 'unreadable-archive' },
];
/** Failures that leave the outcome open (5xx, time-outs): the command says "not confirmed", not "not sent". */
const OPEN_OUTCOME_CODES: ErrorCode[] = [
  'bridge_unreachable',
  'timeout',
  'upstream_unavailable',
  'upstream_rejected',
  'malformed_response',
  'internal',
];

describe('command notifications', () => {
  // Outlook cuts notification texts at 150 characters: a cut text loses its last sentence, which is the one
  // that says what to do. Every text, with the arguments it gets, must fit whole in every language.
  it.each(Object.entries(commandStrings))('fit in 150 characters in %s', (_language, s) => {
    const reasons = [...Object.values(s.errors.byCode), ...Object.values(s.errors.signIn), s.errors.unexpected];
    const texts = [
      s.checking,
      ...SECURE_MODES.flatMap((mode) => [
        s.sending(mode),
        s.modeNotAllowed(mode),
        s.accepted(mode, REFERENCE),
        s.acceptedKeepDraft(mode, REFERENCE),
        s.sentEarlier(mode, AT, REFERENCE),
        s.stillSending(mode, AT),
      ]),
      // The largest message IncaMail takes, beside the bridge's advice and an advice that is not a whole number.
      s.largeRegistered(MAX_MESSAGE_BYTES, REGISTERED_WARN_BYTES),
      s.largeRegistered(MAX_MESSAGE_BYTES, 10.5 * 1024 * 1024),
      s.problem({ problem: 'no-recipients' }),
      s.problem({
        problem: 'too-large',
        size: { encodedBytes: 37_100_000, attachmentBytes: 27_262_976, attachmentAllowanceBytes: 22_900_000 },
      }),
      ...DANGERS.map((danger) =>
        s.problem({ problem: 'dangerous-file', files: [{ name: 'Rechnung-2026-0042.pdf', danger }] }),
      ),
      s.problem({ problem: 'inline-image', names: ['logo.png'] }),
      s.problem({ problem: 'bad-address', addresses: ['buchhaltung-mueller-holzbau', 'lea@example'] }),
      s.problem({ problem: 'no-subject' }),
      s.problem({ problem: 'subject-too-long', length: 255, max: 252 }),
      s.problem({ problem: 'unsupported-attachment', names: ['Offerte.msg'] }),
      ...reasons.map((reason) => s.notSent(reason!)),
      ...[...OPEN_OUTCOME_CODES.map((code) => s.errors.byCode[code]!), s.errors.unexpected].map((r) =>
        s.unknownOutcome(r),
      ),
      s.refused('554 5.7.1 Message rejected'),
      s.partlyRefused(REFERENCE, REFUSED),
      s.uncertain,
      s.pending,
      s.outlookFailed('9021'),
      s.outlookFailed(s.errors.office('9021')),
      s.noRelay,
      s.alreadySent,
    ];
    const tooLong = texts.filter((text) => text.length > 150).map((text) => `${text.length}: ${text}`);
    expect(tooLong).toEqual([]);
  });

  it('name every failure a person can act on in every language', () => {
    // Without its own text a code shows the bridge's English message inside a German notification.
    for (const s of Object.values(commandStrings)) {
      for (const code of [...OPEN_OUTCOME_CODES, 'unauthorized', 'forbidden', 'rate_limited'] as const) {
        expect(s.errors.byCode[code], code).toBeTruthy();
      }
    }
  });
});

describe('refused recipients', () => {
  const record = (refusedRecipients: string[], message: string) =>
    ({ refusedRecipients, error: { code: 'upstream_rejected', message } }) as unknown as SendRecord;

  it('names the recipients IncaMail refused', () => {
    const refused = ['aa@example.ch.incamail.ch', 'lea@example.ch.incamail.ch'];
    expect(refusedRecipientsOf(record(refused, 'IncaMail refused these recipients: …'))).toBe(refused.join(', '));
  });

  it("passes the bridge's warning on where it gives no list", () => {
    expect(refusedRecipientsOf(record([], '550 relay denied'))).toBe('550 relay denied');
  });
});
