import type { AccountingSource } from '../../contract/documents.schemas';
import type { Language } from '../../contract/locale';

/** The accounting backends as a sentence names them: "From bexio.", "Aus der eingebauten Buchhaltung." */
export const BACKEND_NAMES: Record<Language, Record<AccountingSource['backend'], string>> = {
  en: { ledger: 'the built-in ledger', bexio: 'bexio', winbiz: 'WinBIZ Cloud' },
  de: { ledger: 'der eingebauten Buchhaltung', bexio: 'bexio', winbiz: 'WinBIZ Cloud' },
  fr: { ledger: 'la comptabilité intégrée', bexio: 'bexio', winbiz: 'WinBIZ Cloud' },
  it: { ledger: 'la contabilità integrata', bexio: 'bexio', winbiz: 'WinBIZ Cloud' },
};
