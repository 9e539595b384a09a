import type { Language } from '../contract/locale';

type PaneStrings = {
  connecting: string;
  connected: (version: string) => string;
  bridgeUnreachable: string;
};

export const paneStrings: Record<Language, PaneStrings> = {
  en: {
    connecting: 'Connecting to LedgerMail…',
    connected: (version) => `Connected to the LedgerMail bridge ${version}.`,
    bridgeUnreachable: 'The LedgerMail bridge cannot be reached.',
  },
  de: {
    connecting: 'Verbindung zu LedgerMail wird hergestellt…',
    connected: (version) => `Mit der LedgerMail-Bridge ${version} verbunden.`,
    bridgeUnreachable: 'Die LedgerMail-Bridge ist nicht erreichbar.',
  },
  fr: {
    connecting: 'Connexion à LedgerMail…',
    connected: (version) => `Connecté au pont LedgerMail ${version}.`,
    bridgeUnreachable: 'Le pont LedgerMail est injoignable.',
  },
  it: {
    connecting: 'Connessione a LedgerMail…',
    connected: (version) => `Connesso al ponte LedgerMail ${version}.`,
    bridgeUnreachable: 'Il ponte LedgerMail non è raggiungibile.',
  },
};
