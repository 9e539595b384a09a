import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import type { Config } from '../config.js';
import { ensurePrivateDir } from '../storage/private-files.js';

export type TlsMaterial = { cert: string; key: string; source: 'configured' | 'office-dev-certs' | 'self-signed' };

/** Where `npx office-addin-dev-certs install` puts the localhost certificate that Office trusts. */
const OFFICE_DEV_CERTS_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const SELF_SIGNED_DAYS = 30;

/**
 * Picks the certificate for HTTPS: the configured files; else Office's development certificate when it was
 * installed (Outlook trusts it); else a self-signed localhost certificate generated once into DATA_DIR/tls,
 * never committed, renewed when it is older than its validity.
 */
export async function resolveTlsMaterial(config: Config, warn: (message: string) => void): Promise<TlsMaterial> {
  if (config.tls.mode === 'on' && config.tls.certFile && config.tls.keyFile) {
    return {
      cert: readFileSync(config.tls.certFile, 'utf8'),
      key: readFileSync(config.tls.keyFile, 'utf8'),
      source: 'configured',
    };
  }
  const officeCert = path.join(OFFICE_DEV_CERTS_DIR, 'localhost.crt');
  const officeKey = path.join(OFFICE_DEV_CERTS_DIR, 'localhost.key');
  if (existsSync(officeCert) && existsSync(officeKey)) {
    return { cert: readFileSync(officeCert, 'utf8'), key: readFileSync(officeKey, 'utf8'), source: 'office-dev-certs' };
  }
  const folder = path.join(config.dataDir, 'tls');
  const certFile = path.join(folder, 'localhost.crt');
  const keyFile = path.join(folder, 'localhost.key');
  const fresh = existsSync(certFile) && Date.now() - statSync(certFile).mtimeMs < (SELF_SIGNED_DAYS - 1) * 86_400_000;
  if (!fresh || !existsSync(keyFile)) {
    const notAfterDate = new Date(Date.now() + SELF_SIGNED_DAYS * 86_400_000);
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      notAfterDate,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    ensurePrivateDir(folder);
    writeFileSync(certFile, pems.cert);
    writeFileSync(keyFile, pems.private, { mode: 0o600 });
  }
  warn(
    'Using a self-signed localhost certificate that browsers and Outlook do not trust. ' +
      'Run `npx office-addin-dev-certs install` to get a trusted development certificate.',
  );
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), source: 'self-signed' };
}
