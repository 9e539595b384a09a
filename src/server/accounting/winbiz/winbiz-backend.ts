import { AppError } from '../../../contract/errors.js';
import type { SecretBox } from '../../security/secret-box.js';
import { createSealedSettings } from '../../settings/sealed-settings.js';
import type { Db } from '../../storage/database.js';
import type { WinbizSettings } from '../accounting-config.js';
import { createSentRecords } from '../remote/sent-records.js';
import { createWinbizConnector, type WinbizConnector } from './winbiz-connector.js';
import type { RenderPdf } from '../../pdf/document-pdf.js';

const STORED_PASSWORD = 'winbiz.password';

/** Where the bridge's WinBIZ password comes from, as the admin settings show it (never the password). */
export type WinbizCredentialView = {
  source: 'admin' | 'environment' | 'none';
  passwordStoredAt: string | null;
  passwordStoredBy: string | null;
};

export type WinbizBackend = {
  connector: WinbizConnector;
  storePassword(password: string, by: string): void;
  clearPassword(): void;
  describe(): WinbizCredentialView;
};

/**
 * WinBIZ Cloud with the Cloud user's password an admin stored through the API (sealed) before WINBIZ_PASSWORD:
 * the password of a WinBIZ user changes more often than a deployment, and a new one takes effect at the next
 * request, without a restart. The connector is rebuilt when the password changes (it encrypts it once).
 */
export function createWinbizBackend(
  settings: WinbizSettings,
  deps: { db: Db; box: SecretBox | undefined; today: () => string; renderPdf?: RenderPdf },
): WinbizBackend {
  const sealed = createSealedSettings(deps.db, deps.box, "WinBIZ's password");
  const sentRecords = createSentRecords(deps.db, 'winbiz');
  const { kind: _kind, reminderPolicy, emailField, password: _password, ...login } = settings;
  let built: { password: string; connector: WinbizConnector } | undefined;

  function current(): WinbizConnector {
    const password = sealed.read(STORED_PASSWORD)?.value ?? settings.password;
    if (!password) {
      throw new AppError(
        'accounting_refused',
        'WinBIZ Cloud has no password yet: set WINBIZ_PASSWORD or store it in the admin settings.',
      );
    }
    if (built?.password !== password) {
      built = {
        password,
        connector: createWinbizConnector({
          ...login,
          password,
          ...(emailField ? { emailField } : {}),
          reminderPolicy,
          reminderTermDays: reminderPolicy.termDays,
          sentRecords,
          today: deps.today,
          ...(deps.renderPdf ? { renderPdf: deps.renderPdf } : {}),
        }),
      };
    }
    return built.connector;
  }

  const connector: WinbizConnector = {
    listDocuments: (query) => Promise.resolve().then(() => current().listDocuments(query)),
    countDocuments: (query) => Promise.resolve().then(() => current().countDocuments(query)),
    getDocument: (id) => Promise.resolve().then(() => current().getDocument(id)),
    getDocumentPdf: (id) => Promise.resolve().then(() => current().getDocumentPdf(id)),
    findCustomersByEmail: (emails) => Promise.resolve().then(() => current().findCustomersByEmail(emails)),
    recordSent: (input) => Promise.resolve().then(() => current().recordSent(input)),
    getCompany: () => Promise.resolve().then(() => current().getCompany()),
    ping: () => Promise.resolve().then(() => current().ping()),
    get requests() {
      return built?.connector.requests ?? 0;
    },
  };

  return {
    connector,
    storePassword: (password, by) => sealed.write(STORED_PASSWORD, password, by),
    clearPassword: () => sealed.clear(STORED_PASSWORD),
    describe() {
      const stored = sealed.describe(STORED_PASSWORD);
      return {
        source: stored ? 'admin' : settings.password ? 'environment' : 'none',
        passwordStoredAt: stored?.updatedAt ?? null,
        passwordStoredBy: stored?.updatedBy ?? null,
      };
    },
  };
}
