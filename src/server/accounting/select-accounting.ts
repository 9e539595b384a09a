import type { AccountingSource } from '../../contract/documents.schemas.js';
import type { RenderPdf } from '../pdf/document-pdf.js';
import type { SecretBox } from '../security/secret-box.js';
import type { Db } from '../storage/database.js';
import type { AccountingSettings } from './accounting-config.js';
import { createBexioBackend, type BexioBackend } from './bexio/bexio-backend.js';
import type { AccountingConnector } from './connector.js';
import { createBuiltInLedger, seedDemoLedgerIfEmpty } from './ledger/ledger.js';
import { createWinbizBackend, type WinbizBackend } from './winbiz/winbiz-backend.js';

export type Accounting = {
  connector: AccountingConnector;
  source: AccountingSource;
  /** Proves the backend answers with the bridge's credentials; rejects with the AppError an admin reads. */
  ping(): Promise<void>;
  /** bexio's credentials, for the admin routes; undefined on other backends. */
  bexio?: BexioBackend;
  /** WinBIZ's credentials, for the admin routes; undefined on other backends. */
  winbiz?: WinbizBackend;
};

export type AccountingDeps = {
  db: Db;
  /** Seals the credentials an admin stores; undefined without SECRETS_KEY. */
  box: SecretBox | undefined;
  today: () => string;
  log: { info(message: string): void };
  /** The bridge's PDF threads; PDFs are drawn in this thread without them. */
  renderPdf?: RenderPdf;
};

/** The accounting backend the configuration names, built over the bridge's database. */
export function createAccounting(settings: AccountingSettings, deps: AccountingDeps): Accounting {
  switch (settings.kind) {
    case 'ledger': {
      // A fresh data directory gets the demo data.
      if (seedDemoLedgerIfEmpty(deps.db)) deps.log.info('Seeded the built-in ledger with demo customers and documents');
      const connector = createBuiltInLedger(deps.db, {
        today: deps.today,
        ...(deps.renderPdf ? { renderPdf: deps.renderPdf } : {}),
      });
      return { connector, source: { backend: 'ledger', pdfs: 'ledgermail' }, ping: async () => {} };
    }
    case 'bexio': {
      const bexio = createBexioBackend(settings, deps);
      return {
        connector: bexio.connector,
        source: { backend: 'bexio', pdfs: 'backend' },
        ping: () => bexio.connector.ping(),
        bexio,
      };
    }
    case 'winbiz': {
      const winbiz = createWinbizBackend(settings, deps);
      // WinBIZ gives no PDFs: LedgerMail renders them from its open items, and says so on them and in the pane.
      return {
        connector: winbiz.connector,
        source: { backend: 'winbiz', pdfs: 'ledgermail' },
        ping: () => winbiz.connector.ping(),
        winbiz,
      };
    }
  }
}
