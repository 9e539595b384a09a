import type { Language } from '../../contract/language';

/**
 * The only texts the first chunk (index.tsx) shows before the pane is loaded: the loading line, and what to
 * do if the pane cannot load. Everything else comes with the pane chunk (strings/<language>.ts); where to
 * open LedgerMail, which only a page outside Outlook needs, comes in a chunk of its own (outside-outlook.ts).
 */
export const firstPaintStrings: Record<Language, { loading: string; loadFailed: string }> = {
  en: {
    loading: 'Loading documents…',
    loadFailed: 'LedgerMail could not be loaded. Close the pane and open it again.',
  },
  de: {
    loading: 'Dokumente werden geladen…',
    loadFailed: 'LedgerMail konnte nicht geladen werden. Schliessen Sie den Bereich und öffnen Sie ihn erneut.',
  },
  fr: {
    loading: 'Chargement des documents…',
    loadFailed: 'LedgerMail n’a pas pu être chargé. Fermez le volet et rouvrez-le.',
  },
  it: {
    loading: 'Caricamento dei documenti…',
    loadFailed: 'Non è stato possibile caricare LedgerMail. Chiuda il riquadro e lo riapra.',
  },
};
