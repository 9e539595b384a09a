import { LANGUAGES, type Language } from '../contract/locale';
import { MAX_MESSAGE_BYTES, REGISTERED_WARN_BYTES } from '../contract/message-size';
import { GUARD_REASON_ACTION, type GuardDecision, type GuardReason } from '../contract/send-guard';
import {
  MAX_CANCEL_LABEL_LENGTH,
  MAX_GUARD_MESSAGE_LENGTH,
  guardMarkdown,
  guardMessage,
  guardPaneLabel,
} from './send-guard-strings';

type Shown = Exclude<GuardDecision, { action: 'allow' }>;
const block = (...reasons: GuardReason[]): Shown => ({ action: 'block', reasons });
const oversize = { encodedBytes: 37_100_000, attachmentBytes: 27_262_976, attachmentAllowanceBytes: 22_900_000 };

/** Every reason, in every variant its texts have (with and without a mode, one name and several). */
const SAMPLES: GuardReason[] = [
  { reason: 'marked-by-hand-on-relay', mode: 'registered' },
  { reason: 'marked-by-hand-on-relay', mode: undefined },
  { reason: 'prefix-removed', mode: 'registered' },
  { reason: 'prefix-removed', mode: 'confidential' },
  { reason: 'prefix-removed', mode: 'personal' },
  { reason: 'prefix-changed', mode: 'registered', subjectMode: 'confidential' },
  { reason: 'unsuffixed-recipients', addresses: ['chef@brunner-baeckerei.ch'] },
  { reason: 'mode-not-allowed', mode: 'personal' },
  { reason: 'paid-since-attached', numbers: ['R-2026-0042'] },
  { reason: 'paid-since-attached', numbers: ['R-2026-0042', 'M-2026-0041-2'] },
  { reason: 'cancelled-since-attached', numbers: ['R-2026-0042'] },
  { reason: 'cancelled-since-attached', numbers: ['R-2026-0042', 'M-2026-0041-2'] },
  { reason: 'level3-needs-registered', numbers: ['M-2026-0042-3'] },
  { reason: 'dangerous-file', files: [{ name: 'Rechnung.pdf.exe', danger: { danger: 'name', extension: 'exe' } }] },
  {
    reason: 'dangerous-file',
    files: [
      { name: 'Rechnung.pdf', danger: { danger: 'content', content: 'program' } },
      { name: 'Belege.zip', danger: { danger: 'archive-member', member: 'setup.js' } },
    ],
  },
  { reason: 'too-large', size: oversize, maxBytes: MAX_MESSAGE_BYTES },
  { reason: 'large-registered', encodedBytes: MAX_MESSAGE_BYTES, adviceBytes: REGISTERED_WARN_BYTES },
];

/** Long but real names: addresses may have 254 characters, file names as long as Windows allows. */
const long = (i: number, length: number) => `${i}`.padStart(length, 'x');
const MANY: GuardReason[] = [
  { reason: 'prefix-changed', mode: 'registered', subjectMode: 'personal' },
  { reason: 'unsuffixed-recipients', addresses: Array.from({ length: 40 }, (_, i) => `${long(i, 240)}@example.ch`) },
  { reason: 'mode-not-allowed', mode: 'registered' },
  { reason: 'mode-not-allowed', mode: 'personal' },
  { reason: 'paid-since-attached', numbers: Array.from({ length: 25 }, (_, i) => `R-2026-${i}`) },
  { reason: 'cancelled-since-attached', numbers: Array.from({ length: 25 }, (_, i) => `M-2026-${i}-1`) },
  { reason: 'level3-needs-registered', numbers: Array.from({ length: 25 }, (_, i) => `M-2026-${i}-3`) },
  {
    reason: 'dangerous-file',
    files: Array.from({ length: 30 }, (_, i) => ({
      name: `${long(i, 200)}.pdf`,
      danger: { danger: 'archive-member' as const, member: `${long(i, 200)}.exe` },
    })),
  },
  { reason: 'large-registered', encodedBytes: MAX_MESSAGE_BYTES, adviceBytes: REGISTERED_WARN_BYTES },
];

describe('the send guard’s Smart Alert text', () => {
  it('samples every reason there is', () => {
    expect(new Set(SAMPLES.map((r) => r.reason))).toEqual(new Set(Object.keys(GUARD_REASON_ACTION)));
  });

  it.each(LANGUAGES)('has a sentence for every reason in %s, in that language, within the limit', (language) => {
    for (const reason of SAMPLES) {
      const text = guardMessage(block(reason), language);
      const context = `${language} ${JSON.stringify(reason)}: ${text}`;
      expect(text.length, context).toBeGreaterThan(20);
      expect(text.length, context).toBeLessThanOrEqual(MAX_GUARD_MESSAGE_LENGTH);
      expect(text, context).not.toMatch(/undefined|\[object|NaN|ß/);
      // Another language's text left in place (a copied English line) would read the same.
      if (language !== 'en') expect(text, context).not.toBe(guardMessage(block(reason), 'en'));
    }
  });

  it('says these sentences', () => {
    expect(guardMessage(block(SAMPLES[2]!), 'en')).toBe(
      'The subject lost its <r> prefix, so IncaMail would send it confidential, not registered. Mark the message again with LedgerMail.',
    );
    expect(guardMessage(block(SAMPLES[2]!), 'de')).toBe(
      'Der Betreff hat sein Präfix <r> verloren: IncaMail würde vertraulich statt eingeschrieben senden. Bitte die Nachricht mit LedgerMail neu markieren.',
    );
    expect(guardMessage(block(SAMPLES[12]!), 'fr')).toBe(
      'Votre administrateur exige le recommandé pour les rappels de niveau 3 : M-2026-0042-3. Utilisez « Recommandé ».',
    );
    expect(guardMessage(block(SAMPLES[9]!), 'it')).toBe(
      'Documenti pagati dopo essere stati allegati: R-2026-0042, M-2026-0041-2. Rimuoverli dal messaggio.',
    );
    expect(guardMessage(block(SAMPLES[13]!), 'de')).toBe(
      'IncaMail lehnt ab: Rechnung.pdf.exe (.exe-Dateien können Programme starten). Bitte entfernen.',
    );
  });

  it('says how to mend the marking once, after the last reason it mends', () => {
    const reasons: GuardReason[] = [
      { reason: 'prefix-changed', mode: 'registered', subjectMode: 'confidential' },
      { reason: 'unsuffixed-recipients', addresses: ['chef@brunner-baeckerei.ch', 'treuhand@example.ch'] },
      { reason: 'mode-not-allowed', mode: 'confidential' },
    ];
    expect(guardMessage(block(...reasons), 'en')).toBe(
      'LedgerMail marked it registered, but the subject now starts with <c>. These recipients would get plain e-mail, outside IncaMail: chef@brunner-baeckerei.ch, treuhand@example.ch. Mark the message again with LedgerMail. Confidential e-mail is not enabled by your administrator.',
    );
  });

  it('offers to send anyway only when nothing blocks', () => {
    const large: GuardReason = {
      reason: 'large-registered',
      encodedBytes: 10 * 1024 * 1024 + 1,
      adviceBytes: 10 * 1024 * 1024,
    };
    expect(guardMessage({ action: 'warn', reasons: [large] }, 'en')).toBe(
      'IncaMail advises against registered mail over 10 MB (encryption can double it); this one has 10.1 MB. You can send it anyway.',
    );
    expect(guardMessage({ action: 'warn', reasons: [large] }, 'fr')).toMatch(/quand même\.$/);
    const blocked = guardMessage(block({ reason: 'mode-not-allowed', mode: 'registered' }, large), 'en');
    expect(blocked).toBe(
      'Registered e-mail is not enabled by your administrator. IncaMail advises against registered mail over 10 MB (encryption can double it); this one has 10.1 MB.',
    );
  });

  it.each(LANGUAGES)(
    'keeps to 500 characters in %s with every reason and long lists, first reasons whole',
    (language) => {
      const text = guardMessage(block(...MANY), language);
      expect(text.length).toBeLessThanOrEqual(MAX_GUARD_MESSAGE_LENGTH);
      expect(text.startsWith(guardMessage(block(MANY[0]!), language).split('. ')[0]!)).toBe(true);
      expect(text).toMatch(/\b(more problems|weitere Probleme|autres problèmes|altri \d+ problemi)\.$/);
      // The first address stands cut to 60 characters, the rest are counted.
      expect(text).toContain('…');
      expect(text).toMatch(/\b39\b/);
    },
  );

  it('lists every name while they fit, and shortens the lists one step past 500 characters', () => {
    const reasonWith = (addresses: string[]) => block({ reason: 'unsuffixed-recipients', addresses });
    const fixed = guardMessage(reasonWith(['']), 'en').length;
    const seven = Array.from({ length: 7 }, (_, i) => `${long(i, 40)}@brunner.ch`); // 51 characters each
    const lastLength = MAX_GUARD_MESSAGE_LENGTH - fixed - 7 * 51 - 7 * 2;
    const exactly = [...seven, `${long(7, lastLength - 11)}@brunner.ch`];
    const whole = guardMessage(reasonWith(exactly), 'en');
    expect(whole.length).toBe(MAX_GUARD_MESSAGE_LENGTH);
    expect(whole).toContain(exactly.join(', '));
    const over = [...seven, `${long(7, lastLength - 10)}@brunner.ch`];
    expect(guardMessage(reasonWith(over), 'en')).toBe(
      `These recipients would get plain e-mail, outside IncaMail: ${over.slice(0, 3).join(', ')} and 5 more. Mark the message again with LedgerMail.`,
    );
  });

  it.each<[Language, string]>([
    ['de', 'a@x.ch, b@x.ch, c@x.ch und 2 weitere'],
    ['fr', 'a@x.ch, b@x.ch, c@x.ch et 2 autres'],
    ['it', 'a@x.ch, b@x.ch, c@x.ch e altri 2'],
  ])('counts what a shortened list leaves out in %s', (language, list) => {
    const padding = Array.from({ length: 5 }, (_, i) => `${long(i, 200)}@x.ch`);
    const reasons: GuardReason[] = [
      { reason: 'unsuffixed-recipients', addresses: ['a@x.ch', 'b@x.ch', 'c@x.ch', 'd@x.ch', 'e@x.ch'] },
      // Five long names (each cut to 60): all five pass the limit, three of them fit.
      { reason: 'paid-since-attached', numbers: padding },
    ];
    expect(guardMessage(block(...reasons), language)).toContain(list);
  });

  it('writes the same sentences as Markdown: several reasons as a list, the notes after it', () => {
    const reasons: GuardReason[] = [
      { reason: 'prefix-removed', mode: 'registered' },
      { reason: 'unsuffixed-recipients', addresses: ['chef_1@brunner-baeckerei.ch'] },
    ];
    expect(guardMarkdown(block(...reasons), 'en')).toBe(
      '- The subject lost its <r> prefix, so IncaMail would send it confidential, not registered.\r' +
        '- These recipients would get plain e-mail, outside IncaMail: chef\\_1@brunner-baeckerei.ch.\r' +
        '\n\nMark the message again with LedgerMail.',
    );
    expect(guardMarkdown(block({ reason: 'mode-not-allowed', mode: 'personal' }), 'de')).toBe(
      guardMessage(block({ reason: 'mode-not-allowed', mode: 'personal' }), 'de'),
    );
  });

  it.each(LANGUAGES)('keeps its Markdown to 500 characters in %s, or leaves it to the plain text', (language) => {
    const markdown = guardMarkdown(block(...MANY), language);
    if (markdown !== undefined) expect(markdown.length).toBeLessThanOrEqual(MAX_GUARD_MESSAGE_LENGTH);
    // Seven underscored addresses fit the plain text; their escapes would not fit the Markdown.
    const underscored = Array.from({ length: 7 }, (_, i) => `${'_'.repeat(40)}${i}@b.ch`);
    const decision = block({ reason: 'unsuffixed-recipients', addresses: underscored });
    const plain = guardMessage(decision, language);
    expect(plain).toContain(underscored.join(', '));
    expect(plain.length + 7 * 40).toBeGreaterThan(MAX_GUARD_MESSAGE_LENGTH);
    expect(guardMarkdown(decision, language)).toBeUndefined();
  });

  it.each(LANGUAGES)('names the button that opens the pane within Smart Alerts’ 20 characters in %s', (language) => {
    const label = guardPaneLabel(language);
    expect(label).toContain('LedgerMail');
    expect(label.length).toBeLessThanOrEqual(MAX_CANCEL_LABEL_LENGTH);
  });
});
