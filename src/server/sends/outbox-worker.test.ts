import path from 'node:path';
import Fastify from 'fastify';
import { SendRecordSchema } from '../../contract/sends.schemas.js';
import { sendRequest } from '../../../test/support/smtp-bridge';
import { useTempDir } from '../../../test/support/temp-dir';
import { loadConfig } from '../config.js';
import { installErrorHandling } from '../http/errors.js';
import type { SendTransport } from '../incamail/smtp-submission.js';
import { openDatabase } from '../storage/database.js';
import { registerSends } from './sends.plugin.js';

/** A transport that gets as far as the caller says, then fails with an error no SMTP code explains. */
function crashingTransport(after: 'nothing' | 'data-complete'): SendTransport & { calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    async submit(_message, hooks) {
      calls += 1;
      if (after === 'data-complete') {
        hooks.onDataStart?.();
        hooks.onDataComplete?.();
      }
      throw new TypeError('unexpected failure inside the transport');
    },
  };
}

describe('outbox worker on an unexpected transport error', () => {
  const tempDir = useTempDir();

  async function bridgeWith(transport: SendTransport) {
    const dir = tempDir();
    const app = Fastify({ logger: false });
    installErrorHandling(app);
    const db = openDatabase(path.join(dir, 'ledgermail.sqlite'));
    app.addHook('onClose', async () => db.close());
    const config = loadConfig({
      TLS: 'off',
      NODE_ENV: 'test',
      DATA_DIR: dir,
      INCAMAIL_RETRY_SECONDS: '0.02',
      INCAMAIL_MAX_ATTEMPTS: '3',
    });
    await registerSends(app, { db, config, transport });
    await app.ready();
    return app;
  }

  const post = (app: Awaited<ReturnType<typeof bridgeWith>>) =>
    app.inject({
      method: 'POST',
      url: '/api/sends?wait=5',
      headers: { 'idempotency-key': 'key-crash-0001' },
      payload: sendRequest(),
    });

  it('marks the send uncertain, never retried, once the whole message was handed over', async () => {
    const transport = crashingTransport('data-complete');
    const app = await bridgeWith(transport);
    const record = SendRecordSchema.parse((await post(app)).json());
    expect(record.status).toBe('uncertain');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(transport.calls()).toBe(1);
    await app.close();
  });

  it('retries when nothing of the message went out', async () => {
    const transport = crashingTransport('nothing');
    const app = await bridgeWith(transport);
    const record = SendRecordSchema.parse((await post(app)).json());
    expect(record.status).toBe('failed');
    expect(transport.calls()).toBe(3);
    await app.close();
  });
});
