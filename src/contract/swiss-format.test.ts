import { formatAmount, formatCount, formatDate, formatLongDate, formatMoney, localDateAndTime } from './swiss-format';

const NBSP = '\u00a0';

describe('Swiss money format', () => {
  it.each([
    ['de', 'CHF', `CHF${NBSP}1’234.50`],
    ['it', 'CHF', `CHF${NBSP}1’234.50`],
    ['en', 'CHF', `CHF${NBSP}1’234.50`],
    ['fr', 'CHF', `1${NBSP}234.50${NBSP}CHF`],
    ['de', 'EUR', `EUR${NBSP}1’234.50`],
    ['it', 'EUR', `EUR${NBSP}1’234.50`],
    ['en', 'EUR', `EUR${NBSP}1’234.50`],
    ['fr', 'EUR', `1${NBSP}234.50${NBSP}EUR`],
  ] as const)('writes 1234.5 in %s and %s as %s', (language, currency, expected) => {
    expect(formatMoney(1234.5, currency, language)).toBe(expected);
  });

  it('groups every three digits, from four digits on, and never a fraction', () => {
    expect(formatAmount(999.99, 'de')).toBe('999.99');
    expect(formatAmount(1000, 'de')).toBe('1’000.00');
    expect(formatAmount(1234567.891, 'it')).toBe('1’234’567.89');
    expect(formatAmount(1234567.891, 'fr')).toBe(`1${NBSP}234${NBSP}567.89`);
  });

  it('groups counts as it groups amounts, without decimals', () => {
    expect(formatCount(999, 'de')).toBe('999');
    expect(formatCount(1000, 'de')).toBe('1’000');
    expect(formatCount(1000, 'it')).toBe('1’000');
    expect(formatCount(1000, 'en')).toBe('1’000');
    expect(formatCount(1234567, 'fr')).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatCount(0, 'fr')).toBe('0');
  });

  it('writes zero and negative amounts with the sign before the digits, never "-0.00"', () => {
    expect(formatMoney(0, 'CHF', 'de')).toBe(`CHF${NBSP}0.00`);
    expect(formatMoney(-1234.5, 'CHF', 'de')).toBe(`CHF${NBSP}-1’234.50`);
    expect(formatMoney(-30, 'EUR', 'fr')).toBe(`-30.00${NBSP}EUR`);
    expect(formatAmount(-0.004, 'en')).toBe('0.00');
    expect(formatAmount(-0, 'en')).toBe('0.00');
  });

  it('rounds half a cent away from zero on the written value, where binary rounding would not', () => {
    // 1.005 is 1.00499999999999989… as a double: toFixed(2) gives 1.00.
    expect(formatAmount(1.005, 'de')).toBe('1.01');
    expect(formatAmount(1.004, 'de')).toBe('1.00');
    expect(formatAmount(2.675, 'de')).toBe('2.68');
    expect(formatAmount(-1.005, 'de')).toBe('-1.01');
    expect(formatAmount(-0.005, 'de')).toBe('-0.01');
    expect(formatAmount(999.995, 'de')).toBe('1’000.00');
    expect(formatAmount(999.994, 'de')).toBe('999.99');
    expect(formatAmount(1e-7, 'de')).toBe('0.00');
  });
});

describe('Swiss date format', () => {
  it('writes calendar dates as DD.MM.YYYY in every language', () => {
    for (const language of ['de', 'fr', 'it', 'en'] as const) {
      expect(formatDate('2026-04-05', language)).toBe('05.04.2026');
      expect(formatDate('2026-12-31', language)).toBe('31.12.2026');
    }
  });

  it('spells the month out in each language, French with "1er" for the first', () => {
    expect(formatLongDate('2026-04-05', 'de')).toBe('5. April 2026');
    expect(formatLongDate('2026-03-01', 'de')).toBe('1. März 2026');
    expect(formatLongDate('2026-04-05', 'fr')).toBe('5 avril 2026');
    expect(formatLongDate('2026-08-01', 'fr')).toBe('1er août 2026');
    expect(formatLongDate('2026-12-31', 'it')).toBe('31 dicembre 2026');
    expect(formatLongDate('2026-01-01', 'en')).toBe('1 January 2026');
  });

  it('keeps the day whatever the time zone, since a calendar date has none', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Pacific/Pago_Pago';
    try {
      expect(formatDate('2026-01-01', 'de')).toBe('01.01.2026');
      expect(formatLongDate('2026-01-01', 'de')).toBe('1. Januar 2026');
    } finally {
      process.env.TZ = previous;
    }
  });
});

describe('Swiss date and time of a moment', () => {
  it('writes a moment as the reader’s clock showed it: DD.MM.YYYY and a 24-hour HH:MM', () => {
    // Moments made from the local clock, whatever time zone the tests run in (a UTC string would not be local).
    expect(localDateAndTime(new Date(2026, 11, 3, 14, 5, 59, 999).toISOString())).toEqual({
      date: '03.12.2026',
      time: '14:05',
    });
    expect(localDateAndTime(new Date(2026, 7, 1, 0, 30).toISOString())).toEqual({ date: '01.08.2026', time: '00:30' });
    // An offset other than the reader's is converted, not copied.
    const moment = new Date(2026, 11, 3, 9, 0);
    const elsewhere = new Date(moment.getTime()).toISOString().replace('Z', '+00:00');
    expect(localDateAndTime(elsewhere).time).toBe('09:00');
  });
});
