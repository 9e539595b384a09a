import net, { type AddressInfo } from 'node:net';
import { SendRecordSchema } from '../../contract/sends.schemas.js';
import {
  recordingAccounting,
  sendRequest,
  startSendsBridge,
  type SendsBridge,
} from '../../../test/support/smtp-bridge';
import { startSmtpFaultProxy } from '../../../test/support/smtp-faults';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink';
import { useTempDir } from '../../../test/support/temp-dir';
import { eventually } from '../../../test/support/eventually';

/**
 * The bridge stops (deploy, crash, Ctrl+C) with sends in the outbox. The next bridge over the same database
 * finishes what is safe to finish, exactly once, and never re-sends what may have been delivered.
 */
describe('outbox across a restart of the bridge', () => {
  const tempDir = useTempDir();
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function bridgeTo(port: number, dir: string, accounting = recordingAccounting()): Promise<SendsBridge> {
    const bridge = await startSendsBridge({
      dir,
      accounting,
      stopGraceMs: 50,
      env: { INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${port}` },
    });
    cleanups.push(() => bridge.app.close());
    return bridge;
  }

  async function sink(): Promise<SmtpSink> {
    const started = await startSmtpSink();
    cleanups.push(() => started.close());
    return started;
  }

  it('completes once a send accepted just before the bridge stopped', async () => {
    const dir = tempDir();
    // The first bridge's IncaMail never answers: the send is accepted, its submission still waiting.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => silent.close(resolve)));
    const first = await bridgeTo((silent.address() as AddressInfo).port, dir);
    const posted = await first.app.inject({
      method: 'POST',
      url: '/api/sends',
      headers: { 'idempotency-key': 'draft-restart' },
      payload: sendRequest(),
    });
    expect(posted.statusCode).toBe(202);
    const { id } = SendRecordSchema.parse(posted.json());
    await first.app.close();

    const target = await sink();
    const accounting = recordingAccounting();
    const second = await bridgeTo(target.port, dir, accounting);
    const record = SendRecordSchema.parse(
      (await second.app.inject({ method: 'GET', url: `/api/sends/${id}?wait=5` })).json(),
    );
    // Whether the first bridge began its attempt before it stopped depends on timing; either way one message.
    expect(record.status).toBe('accepted');
    expect(record.attempts).toBeGreaterThanOrEqual(1);
    expect(target.messages).toHaveLength(1);
    await eventually(() => expect(accounting.calls.map((c) => c.sendId)).toEqual([id]));

    // The add-in retrying the same draft against the new bridge gets the same send back, not a second message.
    const replay = await second.app.inject({
      method: 'POST',
      url: '/api/sends',
      headers: { 'idempotency-key': 'draft-restart' },
      payload: sendRequest(),
    });
    expect(replay.statusCode).toBe(200);
    expect(SendRecordSchema.parse(replay.json()).id).toBe(id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(target.messages).toHaveLength(1);
  });

  it('marks as uncertain, and never re-sends, a send whose data was out when the bridge stopped', async () => {
    const dir = tempDir();
    const target = await sink();
    // IncaMail receives the whole message, then stays silent: the bridge stops while waiting for the reply.
    const stalled = await startSmtpFaultProxy(target.port, ['stall-after-data']);
    cleanups.push(() => stalled.close());
    const first = await bridgeTo(stalled.port, dir);
    const posted = await first.app.inject({
      method: 'POST',
      url: '/api/sends',
      headers: { 'idempotency-key': 'draft-stall' },
      payload: sendRequest(),
    });
    const { id } = SendRecordSchema.parse(posted.json());
    await target.waitForMessages(1);
    await first.app.close();

    const accounting = recordingAccounting();
    const second = await bridgeTo(target.port, dir, accounting);
    const record = SendRecordSchema.parse((await second.app.inject({ method: 'GET', url: `/api/sends/${id}` })).json());
    expect(record).toMatchObject({ status: 'uncertain', attempts: 1, error: { code: 'upstream_unavailable' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(target.messages).toHaveLength(1);
    expect(accounting.calls).toHaveLength(0);
  });

  it('records the documents later when the accounting was unavailable at acceptance', async () => {
    const dir = tempDir();
    const target = await sink();
    const first = await bridgeTo(target.port, dir, recordingAccounting(1));
    const posted = await first.app.inject({
      method: 'POST',
      url: '/api/sends?wait=5',
      headers: { 'idempotency-key': 'draft-docs' },
      payload: sendRequest(),
    });
    const { id, status } = SendRecordSchema.parse(posted.json());
    expect(status).toBe('accepted');
    await first.app.close();

    const accounting = recordingAccounting();
    await bridgeTo(target.port, dir, accounting);
    await eventually(() => expect(accounting.calls.map((c) => c.sendId)).toEqual([id]));
    expect(target.messages).toHaveLength(1);
  });

  it('does not ask again when the accounting does not know the documents', async () => {
    const dir = tempDir();
    const target = await sink();
    const refusing = recordingAccounting(1, 'unknown');
    const first = await bridgeTo(target.port, dir, refusing);
    const posted = await first.app.inject({
      method: 'POST',
      url: '/api/sends?wait=5',
      headers: { 'idempotency-key': 'draft-unknown-docs' },
      payload: sendRequest({ documentIds: ['no-such-invoice'] }),
    });
    expect(SendRecordSchema.parse(posted.json()).status).toBe('accepted');
    await eventually(() => expect(refusing.attempts()).toBe(1));
    await first.app.close();

    const accounting = recordingAccounting();
    await bridgeTo(target.port, dir, accounting);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(accounting.attempts()).toBe(0);
  });
});
