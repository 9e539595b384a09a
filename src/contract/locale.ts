import { z } from 'zod';

/** The four languages LedgerMail speaks: Switzerland's three official written languages and English. */
export const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Maps an Office display language or BCP 47 tag (`de-CH`, `fr-FR`, `it`) to a supported language. */
export function toLanguage(tag: string | undefined | null): Language {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : 'en';
}

/** The Swiss locale for Intl formatting of amounts and dates in each language. */
export const INTL_LOCALE: Record<Language, string> = { de: 'de-CH', fr: 'fr-CH', it: 'it-CH', en: 'en-CH' };
