import { AppError } from '../../contract/errors.js';
import { parseSmtpUrl } from '../incamail/incamail-config.js';
import type { SmtpEndpoint } from '../incamail/smtp-submission.js';
import type { SecretBox } from '../security/secret-box.js';
import { migrate, type Db } from '../storage/database.js';

export type IncaMailRouteView = {
  source: 'admin' | 'environment' | 'sandbox' | 'none';
  host: string | null;
  port: number | null;
  secure: boolean | null;
  user: string | null;
  passwordSet: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

/**
 * The IncaMail SMTP route an admin set at run time (PUT /api/admin/incamail), kept in the database sealed
 * with AES-256-GCM under SECRETS_KEY: the password is never stored, logged or returned in clear. It takes
 * precedence over INCAMAIL_SMTP_URL, so an admin can rotate the password without restarting the bridge.
 */
export function createIncaMailRouteStore(db: Db, box: SecretBox | undefined) {
  migrate(db, 'settings', [
    {
      version: 1,
      name: 'sealed settings',
      up: (d) =>
        d.exec(`CREATE TABLE sealed_settings (
          name TEXT PRIMARY KEY,
          sealed TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          updated_by TEXT NOT NULL
        )`),
    },
  ]);
  const NAME = 'incamail.smtp_url';
  type Row = { sealed: string; updated_at: string; updated_by: string };
  const read = () =>
    db.prepare('SELECT sealed, updated_at, updated_by FROM sealed_settings WHERE name = ?').get(NAME) as
      Row | undefined;

  function toEndpoint(url: string): SmtpEndpoint | undefined {
    const target = parseSmtpUrl(url, []);
    return target.kind === 'remote'
      ? {
          host: target.host,
          port: target.port,
          secure: target.secure,
          requireTLS: target.requireTLS,
          auth: target.auth,
        }
      : undefined;
  }

  return {
    /** The admin-set endpoint, decrypted for one submission; undefined when none is set. */
    endpoint(): SmtpEndpoint | undefined {
      const row = read();
      if (!row || !box) return undefined;
      return toEndpoint(box.open(row.sealed));
    },

    describe(): IncaMailRouteView | undefined {
      const row = read();
      if (!row || !box) return undefined;
      const endpoint = toEndpoint(box.open(row.sealed));
      return {
        source: 'admin',
        host: endpoint?.host ?? null,
        port: endpoint?.port ?? null,
        secure: endpoint?.secure ?? null,
        user: endpoint?.auth?.user ?? null,
        passwordSet: Boolean(endpoint?.auth?.pass.reveal()),
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
      };
    },

    set(smtpUrl: string, by: string): void {
      if (!box) {
        throw new AppError('conflict', 'Set SECRETS_KEY on the bridge before storing IncaMail credentials.');
      }
      const problems: string[] = [];
      const target = parseSmtpUrl(smtpUrl, problems);
      if (target.kind !== 'remote' || problems.length > 0) {
        throw new AppError(
          'bad_request',
          problems.map((p) => p.replace(/^INCAMAIL_SMTP_URL/, 'smtpUrl')).join('; ') ||
            'smtpUrl: not an smtp:// or smtps:// URL',
        );
      }
      db.prepare(
        `INSERT INTO sealed_settings (name, sealed, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      ).run(NAME, box.seal(smtpUrl), new Date().toISOString(), by);
    },

    clear(): void {
      db.prepare('DELETE FROM sealed_settings WHERE name = ?').run(NAME);
    },
  };
}

export type IncaMailRouteStore = ReturnType<typeof createIncaMailRouteStore>;
