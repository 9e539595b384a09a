import path from 'node:path';
import { loadConfig, type Config } from '../../src/server/config';

/**
 * The whole bridge's configuration for a test: its files in `dir`, plain HTTP, IncaMail played by a
 * loopback SMTP server on `smtpPort`, and `env` on top (as the variables of a real deployment).
 */
export function testBridgeConfig(dir: string, smtpPort: number, env: Record<string, string> = {}): Config {
  return loadConfig({
    TLS: 'off',
    DATA_DIR: path.join(dir, 'data'),
    ADDIN_DIR: path.join(dir, 'dist'),
    INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    ...env,
  });
}
