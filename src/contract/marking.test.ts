import fc from 'fast-check';
import {
  markDraft,
  unmarkDraft,
  DEFAULT_RECIPIENT_SUFFIX,
  MAX_SUBJECT_LENGTH,
  isMarkedAddress,
  isValidRecipientSuffix,
  markAddress,
  markMessage,
  markSubject,
  subjectMode,
  unmarkAddress,
  unmarkMessage,
  unmarkSubject,
} from './marking.js';
import { SECURE_MODES } from './modes.js';

const mode = fc.constantFrom(...SECURE_MODES);
/** Subjects as users type them, including ones that already carry (several, odd-cased) prefixes. */
const subject = fc.oneof(
  fc.string({ maxLength: 300, unit: 'grapheme' }),
  fc
    .tuple(fc.array(fc.constantFrom('<r>', '<C>', ' <p> ', '<c>  ', '\t<R>'), { maxLength: 3 }), fc.string())
    .map(([prefixes, rest]) => prefixes.join('') + rest),
);
const suffix = fc.constantFrom(DEFAULT_RECIPIENT_SUFFIX, '.gateway.test', '.INCAMAIL.CH', '.x');

describe('subject marking', () => {
  it('prefixes the subject with the mode letter', () => {
    expect(markSubject('Invoice 2026-0042', 'registered')).toBe('<r>Invoice 2026-0042');
    expect(markSubject('Invoice 2026-0042', 'confidential')).toBe('<c>Invoice 2026-0042');
    expect(markSubject('Invoice 2026-0042', 'personal')).toBe('<p>Invoice 2026-0042');
  });

  it('replaces an existing prefix instead of doubling it', () => {
    expect(markSubject('<c>Invoice', 'registered')).toBe('<r>Invoice');
    expect(markSubject('<R> <c>Invoice', 'registered')).toBe('<r>Invoice');
    expect(markSubject(' <p> Offer', 'confidential')).toBe('<c> Offer');
  });

  it('reads the mode back from the prefix', () => {
    expect(subjectMode('<r>Invoice')).toBe('registered');
    expect(subjectMode(' <C>Invoice')).toBe('confidential');
    expect(subjectMode('Invoice <r>')).toBeUndefined();
  });

  it('is idempotent', () => {
    fc.assert(fc.property(subject, mode, (s, m) => markSubject(markSubject(s, m), m) === markSubject(s, m)));
  });

  it('never leaves more than one prefix, whatever the subject carried', () => {
    fc.assert(
      fc.property(subject, mode, (s, m) => {
        const marked = markSubject(s, m);
        return subjectMode(marked) === m && subjectMode(marked.slice(3)) === undefined;
      }),
    );
  });

  it('is reversible for subjects that fit', () => {
    fc.assert(
      fc.property(subject, mode, (s, m) => {
        const plain = unmarkSubject(s);
        fc.pre(plain.length <= MAX_SUBJECT_LENGTH - 3);
        return unmarkSubject(markSubject(plain, m)) === plain;
      }),
    );
  });

  it('keeps the marked subject within 255 characters and never splits a character', () => {
    fc.assert(
      fc.property(subject, mode, (s, m) => {
        const marked = markSubject(s, m);
        return marked.length <= MAX_SUBJECT_LENGTH && !/[\uD800-\uDBFF]$/.test(marked);
      }),
    );
    expect(markSubject('x'.repeat(255), 'registered')).toBe(`<r>${'x'.repeat(252)}`);
    expect(markSubject(`${'x'.repeat(251)}😀`, 'registered')).toBe(`<r>${'x'.repeat(251)}`);
  });
});

describe('recipient marking', () => {
  it('adds the IncaMail suffix by default', () => {
    expect(markAddress('max@example.org')).toBe('max@example.org.incamail.ch');
    expect(unmarkAddress('max@example.org.incamail.ch')).toBe('max@example.org');
    expect(isMarkedAddress('max@example.org.IncaMail.CH')).toBe(true);
  });

  it('uses a configured suffix', () => {
    expect(markAddress('max@example.org', '.gateway.test')).toBe('max@example.org.gateway.test');
    expect(markAddress('max@example.org.incamail.ch', '.gateway.test')).toBe(
      'max@example.org.incamail.ch.gateway.test',
    );
  });

  it('is idempotent and reversible for any address and suffix', () => {
    fc.assert(
      fc.property(fc.emailAddress(), suffix, (address, sfx) => {
        const marked = markAddress(address, sfx);
        return (
          markAddress(marked, sfx) === marked &&
          isMarkedAddress(marked, sfx) &&
          (isMarkedAddress(address, sfx) || unmarkAddress(marked, sfx) === address)
        );
      }),
    );
  });

  it('accepts only dot-separated DNS labels as suffix', () => {
    expect(isValidRecipientSuffix('.incamail.ch')).toBe(true);
    expect(isValidRecipientSuffix('incamail.ch')).toBe(false);
    expect(isValidRecipientSuffix('.incamail..ch')).toBe(false);
    expect(isValidRecipientSuffix('.inca mail.ch')).toBe(false);
  });
});

describe('message marking', () => {
  it('marks subject and every recipient list, and unmarks them back', () => {
    const message = {
      subject: 'Reminder 2',
      recipients: { to: ['max@example.org'], cc: ['lea@example.ch'], bcc: ['archive@example.ch'] },
    };
    const marked = markMessage(message, 'registered');
    expect(marked).toEqual({
      subject: '<r>Reminder 2',
      recipients: {
        to: ['max@example.org.incamail.ch'],
        cc: ['lea@example.ch.incamail.ch'],
        bcc: ['archive@example.ch.incamail.ch'],
      },
    });
    expect(markMessage(marked, 'registered')).toEqual(marked);
    expect(unmarkMessage(marked)).toEqual(message);
  });
});

describe('marking a draft on the mailbox route', () => {
  const SUFFIX = '.incamail.ch';
  const draft = {
    subject: 'Rechnung 2026-0042',
    recipients: { to: ['max@example.org'], cc: ['Lea@Example.CH'], bcc: ['archiv@example.ch.incamail.ch'] },
  };

  it('marks subject and every recipient, and marking twice changes nothing', () => {
    const once = markDraft(draft, 'registered', SUFFIX, undefined);
    expect(once.draft).toEqual({
      subject: '<r>Rechnung 2026-0042',
      recipients: {
        to: ['max@example.org.incamail.ch'],
        cc: ['Lea@Example.CH.incamail.ch'],
        bcc: ['archiv@example.ch.incamail.ch'],
      },
    });
    expect(once.memory).toEqual({
      mode: 'registered',
      subject: 'Rechnung 2026-0042',
      alreadySuffixed: ['archiv@example.ch.incamail.ch'],
    });
    const twice = markDraft(once.draft, 'registered', SUFFIX, once.memory);
    expect(twice).toEqual(once);
  });

  it('replaces the prefix when the mode changes, keeping what the user wrote first', () => {
    const registered = markDraft(draft, 'registered', SUFFIX, undefined);
    const confidential = markDraft(registered.draft, 'confidential', SUFFIX, registered.memory);
    expect(confidential.draft.subject).toBe('<c>Rechnung 2026-0042');
    expect(confidential.memory).toEqual({ ...registered.memory, mode: 'confidential' });
  });

  it('gives back exactly what the user wrote on removal, a suffix they typed and a prefix they typed included', () => {
    const typed = { ...draft, subject: '<p>Offerte' };
    const marked = markDraft(typed, 'registered', SUFFIX, undefined);
    expect(marked.draft.subject).toBe('<r>Offerte');
    expect(unmarkDraft(marked.draft, SUFFIX, marked.memory)).toEqual(typed);
  });

  it('unmarks a recipient added after marking and keeps a subject the user rewrote since', () => {
    const marked = markDraft(draft, 'confidential', SUFFIX, undefined);
    const changed = {
      subject: '<c>Rechnung 2026-0042 und 0043',
      recipients: { ...marked.draft.recipients, to: [...marked.draft.recipients.to, 'neu@example.org'] },
    };
    expect(unmarkDraft(changed, SUFFIX, marked.memory)).toEqual({
      subject: 'Rechnung 2026-0042 und 0043',
      recipients: { ...draft.recipients, to: ['max@example.org', 'neu@example.org'] },
    });
  });

  it('without a memory (marked by hand) removes every prefix and suffix', () => {
    const byHand = { subject: '<R>Test', recipients: { to: ['a@b.ch.INCAMAIL.CH'], cc: [], bcc: [] } };
    expect(unmarkDraft(byHand, SUFFIX, undefined)).toEqual({
      subject: 'Test',
      recipients: { to: ['a@b.ch'], cc: [], bcc: [] },
    });
  });
});
