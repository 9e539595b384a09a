import { INTL_LOCALE, type Language } from '../contract/locale';

const UNITS: Record<Language, { kilo: string; mega: string }> = {
  de: { kilo: 'KB', mega: 'MB' },
  fr: { kilo: 'Ko', mega: 'Mo' },
  it: { kilo: 'KB', mega: 'MB' },
  en: { kilo: 'KB', mega: 'MB' },
};

const MEGABYTE = 1024 * 1024;

/**
 * A file or message size as a person reads it: whole kilobytes below a megabyte (rounded up, so nothing
 * that has bytes reads as 0), megabytes with one decimal above. Binary units, as Outlook's limits count.
 */
export function formatFileSize(bytes: number, language: Language): string {
  const units = UNITS[language];
  if (bytes < MEGABYTE) {
    const kilobytes = Math.max(1, Math.ceil(bytes / 1024));
    return `${new Intl.NumberFormat(INTL_LOCALE[language]).format(kilobytes)} ${units.kilo}`;
  }
  return `${formatMegabytes(bytes, language)} ${units.mega}`;
}

/** Megabytes with at most one decimal, without the unit (for texts that say it themselves: Outlook's limits). */
export function formatMegabytes(bytes: number, language: Language): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 1 }).format(bytes / MEGABYTE);
}
