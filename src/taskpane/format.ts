import { INTL_LOCALE, type Language } from '../contract/locale';

export function formatMegabytes(bytes: number, language: Language): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}
