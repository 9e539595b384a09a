import { INTL_LOCALE, type Language } from './locale.js';
import type { MessageSize } from './message-size.js';

/**
 * Why a message is too large, in the terms the user sees: the files' sizes as Outlook lists them, not the
 * encoded size nobody sees. The add-in's notification and the bridge's refusal say the same sentence.
 */
const WORDING: Record<Language, (total: string, allowance: string) => string> = {
  en: (total, allowance) => `Your attachments total ${total} MB; IncaMail takes about ${allowance} MB of attachments.`,
  de: (total, allowance) => `Ihre Anhänge umfassen ${total} MB; IncaMail nimmt etwa ${allowance} MB an Anhängen an.`,
  fr: (total, allowance) =>
    `Vos pièces jointes font ${total} Mo au total ; IncaMail accepte environ ${allowance} Mo de pièces jointes.`,
  it: (total, allowance) =>
    `I suoi allegati ammontano a ${total} MB; IncaMail accetta circa ${allowance} MB di allegati.`,
};

const MEGABYTE = 1024 * 1024;

/**
 * Megabytes as Outlook lists files (MiB), in the user's language. The size of what the user has is rounded up
 * and a limit or allowance down, so a message just over never reads "22.0 of 22.0". `when-needed` writes a
 * whole number without its decimal (an advice of "10 MB", not "10.0 MB").
 */
export function formatMegabytes(
  bytes: number,
  language: Language,
  round: 'up' | 'down',
  decimal: 'always' | 'when-needed' = 'always',
): string {
  const tenths = (round === 'up' ? Math.ceil : Math.floor)((bytes / MEGABYTE) * 10) / 10;
  return new Intl.NumberFormat(INTL_LOCALE[language], {
    minimumFractionDigits: decimal === 'always' ? 1 : 0,
    maximumFractionDigits: 1,
  }).format(tenths);
}

export function describeOversizeMessage(language: Language, size: MessageSize): string {
  return WORDING[language](
    formatMegabytes(size.attachmentBytes, language, 'up'),
    formatMegabytes(size.attachmentAllowanceBytes, language, 'down'),
  );
}
