import type { Language } from '../../src/contract/locale';
import { parseQrBillPayload, readQrCodeFromPdf } from './pdf-reader';

/** A payment a text asks for: an amount followed, within the sentence, by the date it is to be paid by. */
export type AskedPayment = { currency: string; cents: number; date: string };

const NBSP = '\u00a0';
const DATE = String.raw`(\d{2})\.(\d{2})\.(\d{4})`;
/** Amounts as the Swiss format writes them: `CHF 3’181.55` (de, it, en), `3 181.55 CHF` (fr). */
const MONEY: Record<Language, string> = {
  de: String.raw`(CHF|EUR)${NBSP}(\d{1,3}(?:’\d{3})*\.\d{2})`,
  it: String.raw`(CHF|EUR)${NBSP}(\d{1,3}(?:’\d{3})*\.\d{2})`,
  en: String.raw`(CHF|EUR)${NBSP}(\d{1,3}(?:’\d{3})*\.\d{2})`,
  fr: String.raw`(\d{1,3}(?:${NBSP}\d{3})*\.\d{2})${NBSP}(CHF|EUR)`,
};

const toCents = (written: string) => Math.round(Number(written.replace(/[’\u00a0]/g, '')) * 100);
const isoOf = (day: string, month: string, year: string) => `${year}-${month}-${day}`;

/**
 * Reads a text as a customer does: every amount that is followed, before the sentence ends, by a date
 * ("Bitte überweisen Sie CHF 3’181.55 bis 05.04.2026", "…: 3 181.55 CHF, payable jusqu’au 05.04.2026").
 */
export function askedPayments(text: string, language: Language): AskedPayment[] {
  const pattern = new RegExp(`${MONEY[language]}[^.\\n]{0,40}?${DATE}`, 'g');
  return [...text.matchAll(pattern)].map((m) => {
    const [currency, amount] = language === 'fr' ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    return { currency, cents: toCents(amount), date: isoOf(m[3]!, m[4]!, m[5]!) };
  });
}

/** Every date a text names, as ISO dates. */
export function datesIn(text: string): string[] {
  return [...text.matchAll(new RegExp(DATE, 'g'))].map((m) => isoOf(m[1]!, m[2]!, m[3]!));
}

/** What a PDF's QR-bill asks for, read back from the rendered page. */
export function qrBillAsks(pdf: Buffer): { currency: string; cents: number } {
  const payload = parseQrBillPayload(readQrCodeFromPdf(pdf) ?? '');
  return { currency: payload.currency, cents: Math.round(Number(payload.amount) * 100) };
}
