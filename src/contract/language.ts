/**
 * The languages and the tag-to-language rule, apart from locale.ts and without zod: the task pane's first
 * chunk picks its language with it before anything else is loaded.
 */

/** The four languages LedgerMail speaks: Switzerland's three official written languages and English. */
export const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Maps an Office display language or BCP 47 tag (`de-CH`, `fr-FR`, `it`) to a supported language. */
export function toLanguage(tag: string | undefined | null): Language {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : 'en';
}
