import type { FastifyInstance } from 'fastify';
import { BatchSchema, type Batch } from '../../contract/batches.schemas.js';
import {
  batchRequest,
  listReminders,
  postBatch,
  startBatchBridge,
  waitForBatch,
} from '../../../test/support/batch-bridge';
import { startSmtpFaultProxy, type SmtpFaultPlan, type SmtpFaultProxy } from '../../../test/support/smtp-faults';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink';
import { useTempDir } from '../../../test/support/temp-dir';

/**
 * A reminder run meets a gateway that refuses some recipients and drops the line, and a bridge restarted in
 * the middle. In the end every item is settled, nothing went out twice, and "retry failed" sends exactly the
 * failed ones.
 */
describe('batch through faults and a restart of the bridge', () => {
  const tempDir = useTempDir();
  const apps: FastifyInstance[] = [];
  let sink: SmtpSink | undefined;
  let proxy: SmtpFaultProxy | undefined;
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await proxy?.close();
    await sink?.close();
    sink = proxy = undefined;
  });

  /** Reminder numbers in the messages the gateway kept, taken from their PDF file names. */
  const delivered = (s: SmtpSink) =>
    s.messages.map((m) => /-(\d{4}-\d{4}-\d)\.pdf$/.exec(m.parsed.attachments[0]?.filename ?? '')?.[1]);

  it('settles every item exactly once and retries only the failed ones', async () => {
    const rejected = new Set<string>();
    sink = await startSmtpSink({
      replyToRcpt: (_n, address) =>
        rejected.has(address) ? { code: 550, message: '5.1.1 Recipient unknown' } : undefined,
    });
    // One item at a time over one session, which the relay keeps until a message fails on it: items 0 to 3 go
    // over connection 0, where item 3 loses the gateway's reply after the data (uncertain, never sent again);
    // connection 1 is cut before the greeting (item 4 is retried).
    const plan: SmtpFaultPlan[] = [{ fault: 'drop-after-data', atMessage: 4 }, 'refuse'];
    proxy = await startSmtpFaultProxy(sink.port, plan);
    const dir = tempDir();
    const env = { BATCH_CONCURRENCY: '1', BATCH_RATE_PER_MINUTE: '3000' };
    const first = await startBatchBridge(dir, proxy.port, env);
    apps.push(first);
    const reminders = (await listReminders(first, 'level=3')).filter((r) => r.customer.email);
    const address = (i: number) => `${reminders[i]!.customer.email!}.incamail.ch`;
    for (const i of [9, 14]) rejected.add(address(i));
    for (const i of [0, 1, 2, 3, 4]) rejected.delete(address(i));
    expect(rejected.size).toBeGreaterThan(0);

    const posted = await postBatch(first, batchRequest(reminders.map((r) => r.id)), 'run-with-faults');
    const { id } = BatchSchema.parse(posted.json());
    await sink.waitForMessages(10, 15_000);
    await first.close();
    apps.splice(0);
    expect(sink.messages.length).toBeLessThan(reminders.length);

    const second = await startBatchBridge(dir, proxy.port, env);
    apps.push(second);
    const settled = await waitForBatch(second, id);
    const byStatus = (batch: Batch, status: string) => batch.items.filter((i) => i.status === status);
    const failed = byStatus(settled, 'failed');
    const uncertain = byStatus(settled, 'uncertain');
    expect(settled.counts.total).toBe(reminders.length);
    expect(settled.counts.accepted + settled.counts.failed + settled.counts.uncertain).toBe(reminders.length);
    expect(failed.map((i) => `${i.recipient}.incamail.ch`).every((a) => rejected.has(a))).toBe(true);
    expect(failed).toHaveLength(reminders.filter((r) => rejected.has(`${r.customer.email}.incamail.ch`)).length);
    expect(failed[0]!.error?.message).toContain('Recipient unknown');
    expect(uncertain.map((i) => i.documentId)).toEqual([reminders[3]!.id]);

    // The gateway kept each accepted and the uncertain message once, and no failed one.
    const numbers = delivered(sink);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.sort()).toEqual([...byStatus(settled, 'accepted'), ...uncertain].map((i) => i.number).sort());

    // The recipients are known again: "retry failed" sends the failed ones, and only those.
    rejected.clear();
    const before = sink.messages.length;
    const retried = await second.inject({ method: 'POST', url: `/api/batches/${id}/retry` });
    expect(retried.statusCode).toBe(200);
    expect(BatchSchema.parse(retried.json()).counts.failed).toBe(0);
    const after = await waitForBatch(second, id);
    expect(after.counts).toMatchObject({ failed: 0, uncertain: 1, accepted: reminders.length - 1 });
    expect(delivered(sink).slice(before).sort()).toEqual(failed.map((i) => i.number).sort());
    for (const item of after.items.filter((i) => failed.some((f) => f.documentId === i.documentId))) {
      expect(item.retries).toBe(1);
    }
    expect(after.items.find((i) => i.status === 'uncertain')?.sendId).toBe(uncertain[0]!.sendId);

    // Nothing is failed any more: retrying again sends nothing.
    await second.inject({ method: 'POST', url: `/api/batches/${id}/retry` });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.messages).toHaveLength(before + failed.length);
    expect((await second.inject({ method: 'POST', url: '/api/batches/nope/retry' })).statusCode).toBe(404);
  });

  it('charges the send rate for a retry that sends the failed reminders again', async () => {
    sink = await startSmtpSink({ replyToRcpt: () => ({ code: 550, message: '5.1.1 Recipient unknown' }) });
    const app = await startBatchBridge(tempDir(), sink.port, { SEND_RATE_PER_MINUTE: '2' });
    apps.push(app);
    const reminders = (await listReminders(app, 'level=3')).filter((r) => r.customer.email).slice(0, 2);
    const { id } = BatchSchema.parse(
      (await postBatch(app, batchRequest(reminders.map((r) => r.id)), 'run-rate')).json(),
    );
    expect((await waitForBatch(app, id)).counts.failed).toBe(2);

    const retry = () => app.inject({ method: 'POST', url: `/api/batches/${id}/retry` });
    expect((await retry()).statusCode).toBe(200); // the run and this retry: the limit of 2
    await waitForBatch(app, id);
    const third = await retry();
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('rate_limited');
  });

  it('charges a reminder run once it is recorded: a duplicate click while it renders and a refused run are free', async () => {
    sink = await startSmtpSink();
    const app = await startBatchBridge(tempDir(), sink.port, { SEND_RATE_PER_MINUTE: '1' });
    apps.push(app);
    const ids = (await listReminders(app, 'level=3'))
      .filter((r) => r.customer.email)
      .slice(0, 3)
      .map((r) => r.id);

    const refused = await postBatch(app, batchRequest([...ids, 'no-such-reminder']), 'run-refused');
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).not.toBe(429);

    const [first, second] = await Promise.all([
      postBatch(app, batchRequest(ids), 'run-once'),
      postBatch(app, batchRequest(ids), 'run-once'),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 202]);
    expect(BatchSchema.parse(first.json()).id).toBe(BatchSchema.parse(second.json()).id);

    const over = await postBatch(app, batchRequest(ids.slice(0, 1)), 'run-over');
    expect(over.statusCode).toBe(429);
  });
});
