import { AppError } from '../../contract/errors.js';
import { parseSmtpUrl } from '../incamail/incamail-config.js';
import type { SmtpEndpoint } from '../incamail/smtp-submission.js';
import type { SecretBox } from '../security/secret-box.js';
import type { Db } from '../storage/database.js';
import { migrateSealedSettings } from './sealed-settings.js';

export type IncaMailRouteView = {
  source: 'admin' | 'environment' | 'sandbox' | 'none';
  /** Why the route cannot be used (a stored route this bridge cannot decrypt); null when it can. */
  problem: string | null;
  host: string | null;
  port: number | null;
  secure: boolean | null;
  user: string | null;
  passwordSet: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

/**
 * The route an admin stored, as the send path sees it. `unreadable`: stored, but this bridge cannot decrypt
 * it (another SECRETS_KEY, or none): sends fail closed rather than fall back to the environment's route.
 */
export type AdminRoute =
  { kind: 'none' } | { kind: 'stored'; endpoint: SmtpEndpoint | undefined } | { kind: 'unreadable'; reason: string };

/**
 * The IncaMail SMTP route an admin set at run time (PUT /api/admin/incamail), kept in the database sealed
 * with AES-256-GCM under SECRETS_KEY: the password is never stored, logged or returned in clear. It takes
 * precedence over INCAMAIL_SMTP_URL, so an admin can rotate the password without restarting the bridge.
 */
export function createIncaMailRouteStore(db: Db, box: SecretBox | undefined) {
  migrateSealedSettings(db);
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

  /** What a stored row comes to with this bridge's key; never throws, so the policy always answers. */
  function routeOf(row: Row | undefined): AdminRoute {
    if (!row) return { kind: 'none' };
    const unreadable = (why: string): AdminRoute => ({
      kind: 'unreadable',
      reason: `The IncaMail route an admin stored on ${row.updated_at} cannot be read: ${why}. Start the bridge with the SECRETS_KEY it was stored with, or store the route again.`,
    });
    if (!box) return unreadable('SECRETS_KEY is not set');
    try {
      return { kind: 'stored', endpoint: toEndpoint(box.open(row.sealed)) };
    } catch {
      return unreadable('it cannot be decrypted with this SECRETS_KEY');
    }
  }

  return {
    /** The admin's route for one submission, decrypted for it. */
    current: (): AdminRoute => routeOf(read()),

    describe(): IncaMailRouteView | undefined {
      const row = read();
      const route = routeOf(row);
      if (!row || route.kind === 'none') return undefined;
      const endpoint = route.kind === 'stored' ? route.endpoint : undefined;
      return {
        source: 'admin',
        problem: route.kind === 'unreadable' ? route.reason : null,
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
