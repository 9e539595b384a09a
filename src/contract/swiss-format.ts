import type { Currency } from './documents.schemas.js';
import type { Language } from './locale.js';

/**
 * Amounts and dates as Swiss documents write them, the same in the task pane, in the reminder messages and on
 * the PDFs they carry. Written by hand rather than with Intl: each engine ships its own CLDR (the Swiss
 * thousands mark is `'` in one, `’` in another; it-CH does not group four digits in some), and an invoice must
 * not read differently in Outlook, in the e-mail and on its PDF.
 */

/** Typographic apostrophe (U+2019), as Swiss typesetting and the PDFs use; French groups with a no-break space. */
const GROUP_MARK: Record<Language, string> = { de: '’', it: '’', en: '’', fr: '\u00a0' };
/** No-break space: an amount never breaks across lines. A narrow one (U+202F) is not in the PDF fonts' WinAnsi. */
const NBSP = '\u00a0';

/**
 * Two decimals, rounded half away from zero on the decimal value as written (1.005 → 1.01), as accounting
 * rounds; binary rounding (`toFixed`) would give 1.00. A result of zero is never negative.
 */
function centsOf(value: number): number {
  const written = String(Math.abs(value));
  // Shifting the decimal point in the text; exponent notation (1e-7) is too far from half a cent to matter.
  const cents = Math.round(written.includes('e') ? Math.abs(value) * 100 : Number(`${written}e2`));
  return value < 0 && cents !== 0 ? -cents : cents;
}

const grouped = (digits: string, language: Language) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_MARK[language]);

/** `1’234.50` (de, it, en), `1 234.50` (fr): the number alone, for table columns under a currency heading. */
export function formatAmount(value: number, language: Language): string {
  const cents = centsOf(value);
  const whole = String(Math.floor(Math.abs(cents) / 100));
  const fraction = String(Math.abs(cents) % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${grouped(whole, language)}.${fraction}`;
}

/** A count of things, `1’000` (de, it, en), `1 000` (fr): grouped as the amounts beside it are. */
export function formatCount(count: number, language: Language): string {
  return grouped(String(Math.trunc(count)), language);
}

/**
 * `CHF 1’234.50` (de, it, en), `1 234.50 CHF` (fr), always with the ISO code (`EUR`, not `€`), as on the
 * QR-bill the amount comes with.
 */
export function formatMoney(value: number, currency: Currency, language: Language): string {
  const amount = formatAmount(value, language);
  return language === 'fr' ? `${amount}${NBSP}${currency}` : `${currency}${NBSP}${amount}`;
}

const isoParts = (isoDate: string) => {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** `05.04.2026` in all four languages, the Swiss numeric date. Calendar dates: no time zone can shift them. */
export function formatDate(isoDate: string, _language: Language): string {
  const { year, month, day } = isoParts(isoDate);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * A moment (ISO 8601 with an offset, as the bridge records it) as the reader's clock showed it, in the Swiss
 * numeric date and the 24-hour time every one of the four languages uses: `03.12.2026`, `14:05`.
 */
export function localDateAndTime(moment: string): { date: string; time: string } {
  const at = new Date(moment);
  return {
    date: `${twoDigits(at.getDate())}.${twoDigits(at.getMonth() + 1)}.${at.getFullYear()}`,
    time: `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`,
  };
}

const MONTHS: Record<Language, readonly string[]> = {
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  it: [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** `5. April 2026`, `1er avril 2026`, `5 aprile 2026`, `5 April 2026`: spelled out, so no one misreads day and month. */
export function formatLongDate(isoDate: string, language: Language): string {
  const { year, month, day } = isoParts(isoDate);
  const monthName = MONTHS[language][month - 1];
  switch (language) {
    case 'de':
      return `${day}. ${monthName} ${year}`;
    case 'fr':
      // French writes the first of the month as an ordinal: « le 1er avril ».
      return `${day === 1 ? '1er' : day} ${monthName} ${year}`;
    default:
      return `${day} ${monthName} ${year}`;
  }
}
