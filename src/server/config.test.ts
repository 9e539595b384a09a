import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('runs on defaults: HTTPS on localhost:3000, data in ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: 'localhost', port: 3000, env: 'development', tls: { mode: 'on' } });
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.addinDir).toBe(path.resolve('dist'));
  });

  it('reads PORT, TLS=off and DATA_DIR, treating empty variables as unset', () => {
    const config = loadConfig({ PORT: '8443', TLS: 'off', DATA_DIR: '/tmp/lm', HOST: '' });
    expect(config).toMatchObject({ port: 8443, tls: { mode: 'off' }, dataDir: '/tmp/lm', host: 'localhost' });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', TLS: 'maybe', NODE_ENV: 'staging' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/TLS/);
    expect(problems.join('\n')).toMatch(/NODE_ENV/);
    expect((error as ConfigError).message).toMatch(/^LedgerMail bridge configuration is invalid:/);
  });

  it('refuses development sign-in on an interface other than loopback', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      /AUTH: dev mode signs tokens for anyone and is refused on HOST=0.0.0.0/,
    );
    const entra = loadConfig({ HOST: '0.0.0.0', AUTH: 'entra', ENTRA_CLIENT_ID: 'client', ENTRA_TENANT_IDS: 'tenant' });
    expect(entra.auth.mode).toBe('entra');
  });

  it('refuses half a TLS key pair', () => {
    expect(() => loadConfig({ TLS_CERT_FILE: '/etc/cert.pem' })).toThrow(/TLS_CERT_FILE and TLS_KEY_FILE/);
  });
});
