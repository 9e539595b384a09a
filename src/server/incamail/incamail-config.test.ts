import { inspect } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';

describe('IncaMail configuration', () => {
  it('defaults to the sandbox, the .incamail.ch suffix and registered + confidential', () => {
    expect(loadConfig({}).incamail).toMatchObject({
      smtp: { kind: 'sandbox' },
      recipientSuffix: '.incamail.ch',
      sendModes: ['registered', 'confidential'],
      concurrency: 4,
      maxAttempts: 10,
      retryBaseMs: 5000,
      smtpTimeoutMs: 60_000,
    });
  });

  it('reads an smtp:// URL with credentials and requires STARTTLS for a remote host', () => {
    const { smtp } = loadConfig({
      INCAMAIL_SMTP_URL: 'smtp://acme%40example.ch:p%40ss%3Aword@mail.incamail.ch',
    }).incamail;
    expect(smtp).toMatchObject({
      kind: 'remote',
      host: 'mail.incamail.ch',
      port: 587,
      secure: false,
      requireTLS: true,
    });
    expect(smtp.kind === 'remote' && smtp.auth?.user).toBe('acme@example.ch');
    expect(smtp.kind === 'remote' && smtp.auth?.pass.reveal()).toBe('p@ss:word');
  });

  it('reads smtps:// on 465, and lets a loopback relay go without TLS or credentials', () => {
    expect(loadConfig({ INCAMAIL_SMTP_URL: 'smtps://u:p@mail.incamail.ch' }).incamail.smtp).toMatchObject({
      port: 465,
      secure: true,
      requireTLS: false,
    });
    expect(loadConfig({ INCAMAIL_SMTP_URL: 'smtp://127.0.0.1:2525' }).incamail.smtp).toMatchObject({
      host: '127.0.0.1',
      port: 2525,
      requireTLS: false,
      auth: undefined,
    });
  });

  it('lists every IncaMail problem at once, never quoting the password', () => {
    let error: unknown;
    try {
      loadConfig({
        INCAMAIL_SMTP_URL: 'http://user:hunter2-secret@mail.incamail.ch',
        INCAMAIL_RECIPIENT_SUFFIX: 'incamail.ch',
        SEND_MODES: 'registered,express',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/INCAMAIL_SMTP_URL: the scheme must be smtp/);
    expect(problems).toMatch(/INCAMAIL_RECIPIENT_SUFFIX/);
    expect(problems).toMatch(/SEND_MODES/);
    expect(problems).not.toContain('hunter2');
    expect(() => loadConfig({ INCAMAIL_SMTP_URL: 'smtp://mail.incamail.ch' })).toThrow(/user name and password/);
  });

  it('keeps the password out of JSON, string conversion and inspection', () => {
    const config = loadConfig({ INCAMAIL_SMTP_URL: 'smtp://acme:hunter2-secret@mail.incamail.ch' });
    expect(JSON.stringify(config)).not.toContain('hunter2');
    expect(inspect(config, { depth: 10 })).not.toContain('hunter2');
    expect(`${config.incamail.smtp.kind === 'remote' && config.incamail.smtp.auth?.pass}`).toBe('[redacted]');
  });
});
