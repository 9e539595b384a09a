import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ReadinessSchema } from '../../contract/health.schemas.js';
import { freePort } from '../../../test/support/free-port';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink';
import { useTempDir } from '../../../test/support/temp-dir';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';

describe('readiness of the way to IncaMail', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance | undefined;
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await app?.close();
    await sink?.close();
    app = sink = undefined;
  });

  async function ready(env: Record<string, string>) {
    const dir = tempDir();
    const config = loadConfig({
      TLS: 'off',
      NODE_ENV: 'test',
      DATA_DIR: path.join(dir, 'data'),
      ADDIN_DIR: path.join(dir, 'dist'),
      ...env,
    });
    app ??= await buildApp({ config, logger: false });
    const response = await app.inject('/api/ready');
    return { statusCode: response.statusCode, body: ReadinessSchema.parse(response.json()) };
  }

  it("is ready when the relay's SMTP server answers, reached without a login, and asks it again only after a while", async () => {
    sink = await startSmtpSink({ auth: { user: 'lm', pass: 'secret' } });
    const env = { INCAMAIL_SMTP_URL: `smtp://lm:secret@127.0.0.1:${sink.port}` };
    const first = await ready(env);
    expect(first.statusCode).toBe(200);
    expect(first.body.checks.incamail).toEqual({ route: 'relay', ok: true, problem: null });
    await ready(env);
    await ready(env);
    // One connection for three questions, and no login: a monitor asking often costs IncaMail nothing.
    expect(sink.connections()).toBe(1);
    expect(sink.logins()).toBe(0);
  });

  it('is not ready when the relay cannot reach its SMTP server, and says which one', async () => {
    const closed = await freePort();
    const { statusCode, body } = await ready({ INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${closed}` });
    expect(statusCode).toBe(503);
    expect(body.status).toBe('not_ready');
    expect(body.checks.incamail).toMatchObject({ route: 'relay', ok: false });
    expect(body.checks.incamail.problem).toContain(`127.0.0.1:${closed}`);
    // The other checks still say what they found.
    expect(body.checks.database.ok).toBe(true);
  });

  it('needs nothing of the bridge on the mailbox route: Exchange takes the marked message', async () => {
    const closed = await freePort();
    const { statusCode, body } = await ready({
      INCAMAIL_ROUTE: 'mailbox',
      INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${closed}`,
    });
    expect(statusCode).toBe(200);
    expect(body.checks.incamail).toEqual({ route: 'mailbox', ok: true, problem: null });
  });
});
