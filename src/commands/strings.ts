import type { Language } from '../contract/locale';

type SecureMode = 'registered' | 'confidential';

type CommandStrings = {
  modeName: Record<SecureMode, string>;
  notAvailableYet: (mode: SecureMode) => string;
};

export const commandStrings: Record<Language, CommandStrings> = {
  en: {
    modeName: { registered: 'registered', confidential: 'confidential' },
    notAvailableYet(mode) {
      return `Sending as ${this.modeName[mode]} e-mail through IncaMail is not set up on this bridge yet.`;
    },
  },
  de: {
    modeName: { registered: 'eingeschriebene', confidential: 'vertrauliche' },
    notAvailableYet(mode) {
      return `Das Senden als ${this.modeName[mode]} E-Mail über IncaMail ist auf dieser Bridge noch nicht eingerichtet.`;
    },
  },
  fr: {
    modeName: { registered: 'recommandé', confidential: 'confidentiel' },
    notAvailableYet(mode) {
      return `L'envoi en ${this.modeName[mode]} via IncaMail n'est pas encore configuré sur ce pont.`;
    },
  },
  it: {
    modeName: { registered: 'raccomandata', confidential: 'confidenziale' },
    notAvailableYet(mode) {
      return `L'invio come e-mail ${this.modeName[mode]} tramite IncaMail non è ancora configurato su questo ponte.`;
    },
  },
};
