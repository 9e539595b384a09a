import { z } from 'zod/mini';
import { LANGUAGES, type Language } from './language.js';

export { LANGUAGES, toLanguage, type Language } from './language.js';
export const LanguageSchema = z.enum(LANGUAGES);

/** The Swiss locale for Intl formatting of amounts and dates in each language. */
export const INTL_LOCALE: Record<Language, string> = { de: 'de-CH', fr: 'fr-CH', it: 'it-CH', en: 'en-CH' };
